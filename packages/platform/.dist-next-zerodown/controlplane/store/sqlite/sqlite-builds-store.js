export class SqliteBuildStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    insert(build) {
        return this.#tables.builds.insert(build);
    }
    byId(buildId) {
        return this.#tables.builds.one('id = ?', [buildId]);
    }
    byIdOfApp(appId, buildId) {
        return this.#tables.builds.one('id = ? AND app_id = ?', [buildId, appId]);
    }
    ofApp(appId) {
        return this.#tables.builds.select('app_id = ?', [appId], 'ORDER BY created_at, rowid');
    }
    recordRelease(buildId, releaseId, at) {
        this.#tables.builds.update({ releaseId, updatedAt: at }, 'id = ?', [buildId]);
    }
    finish(buildId, result, at) {
        this.#tables.builds.update({ ...result, updatedAt: at }, 'id = ?', [buildId]);
    }
    failPending(failure, at) {
        this.#tables.builds.update({ status: 'failed', failure, updatedAt: at }, "status = 'pending'");
    }
    buildpacks(appId) {
        return this.#tables.buildpackInstallations.select('app_id = ?', [appId], 'ORDER BY ordinal').map((b) => b.url);
    }
    setBuildpacks(appId, urls) {
        this.#db.transaction(() => {
            this.#tables.buildpackInstallations.delete('app_id = ?', [appId]);
            urls.forEach((url, ordinal) => this.#tables.buildpackInstallations.insert({ appId, ordinal, url }));
        })();
    }
}
//# sourceMappingURL=sqlite-builds-store.js.map