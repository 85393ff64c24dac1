/**
 * ReleaseStore on SQLite (tables: releases, slugs).
 */
import type { ReleaseStore } from '../releases-store.js';
import type { ReleaseRecord, SlugRecord } from '../records.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteReleaseStore implements ReleaseStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by recon ---
  current(appId: string): ReleaseRecord | undefined {
    return this.#tables.releases.one(`app_id = ? AND status = 'succeeded' ORDER BY version DESC`, [appId]);
  }

  byId(releaseId: string): ReleaseRecord | undefined {
    return this.#tables.releases.one('id = ?', [releaseId]);
  }

  latest(appId: string): ReleaseRecord | undefined {
    return this.#tables.releases.one('app_id = ? ORDER BY version DESC', [appId]);
  }

  pending(): ReleaseRecord[] {
    return this.#tables.releases.select("status = 'pending'", [], 'ORDER BY version DESC');
  }

  slug(slugId: string): SlugRecord | undefined {
    return this.#tables.slugs.one('id = ?', [slugId]);
  }
}
