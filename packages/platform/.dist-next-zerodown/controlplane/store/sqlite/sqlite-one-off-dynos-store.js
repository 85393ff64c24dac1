export class SqliteOneOffDynoStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    ofApp(appId) {
        return this.#tables.oneOffDynos.select('app_id = ?', [appId]);
    }
    insert(dyno) {
        return this.#tables.oneOffDynos.insert(dyno);
    }
    removeOfApp(appId, nameOrId) {
        return this.#tables.oneOffDynos.delete('app_id = ? AND (name = ? OR id = ?)', [appId, nameOrId, nameOrId]) > 0;
    }
    remove(dynoId) {
        return this.#tables.oneOffDynos.delete('id = ?', [dynoId]) > 0;
    }
    claimSecret(secretHash, at) {
        return this.#db.transaction(() => {
            const record = this.#tables.oneOffDynos.one('secret_hash = ?', [secretHash]);
            if (record === undefined)
                return undefined;
            this.#tables.oneOffDynos.update({ secretHash: null, updatedAt: at }, 'id = ?', [record.id]);
            return { ...record, secretHash: null, updatedAt: at };
        })();
    }
    all() {
        return this.#tables.oneOffDynos.select('', [], 'ORDER BY created_at');
    }
    markStarted(dynoId) {
        this.#tables.oneOffDynos.update({ state: 'started', updatedAt: new Date().toISOString() }, "id = ? AND state = 'pending'", [dynoId]);
    }
}
//# sourceMappingURL=sqlite-one-off-dynos-store.js.map