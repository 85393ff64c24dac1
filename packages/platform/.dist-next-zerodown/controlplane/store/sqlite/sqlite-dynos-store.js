export class SqliteDynoStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    list() {
        return this.#tables.dynos.select('');
    }
    replaceObserved(dynos) {
        this.#db.transaction(() => {
            this.#tables.dynos.delete('1 = 1');
            for (const dyno of dynos)
                this.#tables.dynos.insert(dyno);
        })();
    }
    forgetInSpace(spaceId) {
        this.#tables.dynos.delete('space_id = ?', [spaceId]);
    }
    drainOf(dynoId) {
        return this.#tables.dynoDrains.one('dyno_id = ?', [dynoId]);
    }
    startDrain(drain) {
        this.#tables.dynoDrains.insert(drain);
    }
    drains() {
        return this.#tables.dynoDrains.select('');
    }
    forgetDrain(dynoId) {
        this.#tables.dynoDrains.delete('dyno_id = ?', [dynoId]);
    }
    markDrained(dynoId, at) {
        return this.#tables.dynoDrains.update({ drainedAt: at }, 'dyno_id = ? AND drained_at IS NULL', [dynoId]) > 0;
    }
    ofApp(appId) {
        return this.#tables.dynos.select('app_id = ?', [appId], 'ORDER BY type, number');
    }
    upOfApp(appId) {
        return this.#tables.dynos.select(`app_id = ? AND state = 'up'`, [appId], 'ORDER BY type, number');
    }
    inSpace(spaceId) {
        return this.#tables.dynos.select('space_id = ?', [spaceId], 'ORDER BY name');
    }
    findOfApp(appId, nameOrId) {
        return this.#tables.dynos.one('app_id = ? AND (name = ? OR id = ?)', [appId, nameOrId, nameOrId]);
    }
}
//# sourceMappingURL=sqlite-dynos-store.js.map