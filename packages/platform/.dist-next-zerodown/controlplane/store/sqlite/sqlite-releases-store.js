import { applyFormationChanges } from './sqlite-formations-store.js';
export class SqliteReleaseStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    current(appId) {
        return this.#tables.releases.one(`app_id = ? AND status = 'succeeded' ORDER BY version DESC`, [appId]);
    }
    newest(appId) {
        return this.#tables.releases.one('app_id = ? ORDER BY version DESC', [appId]);
    }
    list(appId) {
        return this.#tables.releases.select('app_id = ?', [appId], 'ORDER BY version');
    }
    byId(releaseId) {
        return this.#tables.releases.one('id = ?', [releaseId]);
    }
    byIdOfApp(appId, releaseId) {
        return this.#tables.releases.one('app_id = ? AND id = ?', [appId, releaseId]);
    }
    byVersion(appId, version) {
        return this.#tables.releases.one('app_id = ? AND version = ?', [appId, version]);
    }
    create(release, effects) {
        return this.#db.transaction(() => {
            const row = this.#db.prepare('SELECT MAX(version) AS v FROM releases WHERE app_id = ?').get(release.appId);
            const record = { ...release, version: (row.v ?? 0) + 1 };
            this.#tables.releases.insert(record);
            this.#apply(release.appId, effects);
            return record;
        })();
    }
    finish(releaseId, status, at, effects) {
        return this.#db.transaction(() => {
            const release = this.byId(releaseId);
            const changed = this.#tables.releases.update({ status, updatedAt: at }, `id = ? AND status = 'pending'`, [releaseId]) > 0;
            if (release !== undefined)
                this.#apply(release.appId, effects);
            return changed;
        })();
    }
    #apply(appId, effects) {
        if (Object.keys(effects.app).length > 0)
            this.#tables.apps.update(effects.app, 'id = ?', [appId]);
        if (effects.formation !== null)
            applyFormationChanges(this.#tables, effects.formation);
    }
    slug(slugId) {
        return this.#tables.slugs.one('id = ?', [slugId]);
    }
    slugOfApp(appId, slugId) {
        return this.#tables.slugs.one('id = ? AND app_id = ?', [slugId, appId]);
    }
    insertSlug(slug) {
        return this.#tables.slugs.insert(slug);
    }
    markSlugUploaded(slugId, fields) {
        this.#tables.slugs.update({ uploaded: true, ...fields }, 'id = ?', [slugId]);
    }
    pending() {
        return this.#tables.releases.select("status = 'pending'", [], 'ORDER BY version DESC');
    }
}
//# sourceMappingURL=sqlite-releases-store.js.map