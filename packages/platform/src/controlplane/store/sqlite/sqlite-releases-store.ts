/**
 * ReleaseStore on SQLite (tables: releases, slugs; writes apps and formations with a release).
 */
import type { Database } from 'better-sqlite3';
import type { ReleaseRecord, ReleaseStatus, SlugRecord } from '../records.js';
import type { ReleaseEffects, ReleaseStore } from '../releases-store.js';
import { applyFormationChanges } from './sqlite-formations-store.js';
import type { SqliteTables } from './sqlite-tables.js';

export class SqliteReleaseStore implements ReleaseStore {
  readonly #tables: SqliteTables;
  readonly #db: Database;

  constructor(tables: SqliteTables, db: Database) {
    this.#tables = tables;
    this.#db = db;
  }

  current(appId: string): ReleaseRecord | undefined {
    return this.#tables.releases.one(`app_id = ? AND status = 'succeeded' ORDER BY version DESC`, [appId]);
  }

  newest(appId: string): ReleaseRecord | undefined {
    return this.#tables.releases.one('app_id = ? ORDER BY version DESC', [appId]);
  }

  list(appId: string): ReleaseRecord[] {
    return this.#tables.releases.select('app_id = ?', [appId], 'ORDER BY version');
  }

  byId(releaseId: string): ReleaseRecord | undefined {
    return this.#tables.releases.one('id = ?', [releaseId]);
  }

  byIdOfApp(appId: string, releaseId: string): ReleaseRecord | undefined {
    return this.#tables.releases.one('app_id = ? AND id = ?', [appId, releaseId]);
  }

  byVersion(appId: string, version: number): ReleaseRecord | undefined {
    return this.#tables.releases.one('app_id = ? AND version = ?', [appId, version]);
  }

  create(release: Omit<ReleaseRecord, 'version'>, effects: ReleaseEffects): ReleaseRecord {
    return this.#db.transaction(() => {
      const row = this.#db.prepare('SELECT MAX(version) AS v FROM releases WHERE app_id = ?').get(release.appId) as { v: number | null };
      const record: ReleaseRecord = { ...release, version: (row.v ?? 0) + 1 };
      this.#tables.releases.insert(record);
      this.#apply(release.appId, effects);
      return record;
    })();
  }

  finish(releaseId: string, status: Exclude<ReleaseStatus, 'pending'>, at: string, effects: ReleaseEffects): boolean {
    return this.#db.transaction(() => {
      const release = this.byId(releaseId);
      const changed = this.#tables.releases.update({ status, updatedAt: at }, `id = ? AND status = 'pending'`, [releaseId]) > 0;
      if (release !== undefined) this.#apply(release.appId, effects);
      return changed;
    })();
  }

  #apply(appId: string, effects: ReleaseEffects): void {
    if (Object.keys(effects.app).length > 0) this.#tables.apps.update(effects.app, 'id = ?', [appId]);
    if (effects.formation !== null) applyFormationChanges(this.#tables, effects.formation);
  }

  slug(slugId: string): SlugRecord | undefined {
    return this.#tables.slugs.one('id = ?', [slugId]);
  }

  slugOfApp(appId: string, slugId: string): SlugRecord | undefined {
    return this.#tables.slugs.one('id = ? AND app_id = ?', [slugId, appId]);
  }

  insertSlug(slug: SlugRecord): SlugRecord {
    return this.#tables.slugs.insert(slug);
  }

  markSlugUploaded(slugId: string, fields: Pick<SlugRecord, 'size' | 'checksum' | 'updatedAt'>): void {
    this.#tables.slugs.update({ uploaded: true, ...fields }, 'id = ?', [slugId]);
  }

  pending(): ReleaseRecord[] {
    return this.#tables.releases.select("status = 'pending'", [], 'ORDER BY version DESC');
  }
}
