export class SqliteAppStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    byNameOrId(nameOrId) {
        return this.#tables.apps.one('id = ? OR name = ?', [nameOrId, nameOrId]);
    }
    byId(id) {
        return this.#tables.apps.one('id = ?', [id]);
    }
    list() {
        return this.#tables.apps.select('', [], 'ORDER BY name');
    }
    inSpace(spaceId) {
        return this.#tables.apps.select('space_id = ?', [spaceId], 'ORDER BY name');
    }
    create(app, firstRelease) {
        return this.#db.transaction(() => {
            if (this.byNameOrId(app.name) !== undefined)
                return false;
            this.#tables.apps.insert(app);
            if (firstRelease !== undefined) {
                this.#tables.releases.insert({ ...firstRelease, appId: app.id, version: 1 });
                this.#tables.apps.update({ releasedAt: firstRelease.createdAt }, 'id = ?', [app.id]);
            }
            return true;
        })();
    }
    update(appId, patch, at) {
        return this.#db.transaction(() => {
            if (patch.name !== undefined) {
                const other = this.byNameOrId(patch.name);
                if (other !== undefined && other.id !== appId)
                    return undefined;
            }
            this.#tables.apps.update({ ...patch, updatedAt: at }, 'id = ?', [appId]);
            return this.byId(appId);
        })();
    }
    destroy(appId) {
        this.#tables.apps.delete('id = ?', [appId]);
    }
    setBuildpackDescription(appId, description) {
        this.#tables.apps.update({ buildpackDescription: description }, 'id = ?', [appId]);
    }
}
//# sourceMappingURL=sqlite-apps-store.js.map