export class SqliteLogDrainStore {
    #tables;
    constructor(tables) {
        this.#tables = tables;
    }
    all() {
        return this.#tables.logDrains.select('');
    }
    ofApp(appId) {
        return this.#tables.logDrains.select('app_id = ?', [appId], 'ORDER BY created_at');
    }
    findOfApp(appId, idTokenOrUrl) {
        return this.#tables.logDrains.one('app_id = ? AND (id = ? OR token = ? OR url = ?)', [appId, idTokenOrUrl, idTokenOrUrl, idTokenOrUrl]);
    }
    ofSpace(spaceId) {
        return this.#tables.logDrains.one('space_id = ?', [spaceId]);
    }
    insert(drain) {
        return this.#tables.logDrains.insert(drain);
    }
    setUrl(drainId, url, at) {
        this.#tables.logDrains.update({ url, updatedAt: at }, 'id = ?', [drainId]);
    }
    remove(drainId) {
        this.#tables.logDrains.delete('id = ?', [drainId]);
    }
}
//# sourceMappingURL=sqlite-log-drains-store.js.map