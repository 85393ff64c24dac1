/**
 * AppStore on SQLite (table: apps; the app's other rows go with it by ON DELETE CASCADE).
 */
import type { Database } from 'better-sqlite3';
import type { AppPatch, AppStore } from '../apps-store.js';
import type { AppRecord, ReleaseRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';

export class SqliteAppStore implements AppStore {
  readonly #tables: SqliteTables;
  readonly #db: Database;

  constructor(tables: SqliteTables, db: Database) {
    this.#tables = tables;
    this.#db = db;
  }

  byNameOrId(nameOrId: string): AppRecord | undefined {
    return this.#tables.apps.one('id = ? OR name = ?', [nameOrId, nameOrId]);
  }

  byId(id: string): AppRecord | undefined {
    return this.#tables.apps.one('id = ?', [id]);
  }

  list(): AppRecord[] {
    return this.#tables.apps.select('', [], 'ORDER BY name');
  }

  inSpace(spaceId: string): AppRecord[] {
    return this.#tables.apps.select('space_id = ?', [spaceId], 'ORDER BY name');
  }

  create(app: AppRecord, firstRelease?: Omit<ReleaseRecord, 'appId' | 'version'>): boolean {
    return this.#db.transaction(() => {
      if (this.byNameOrId(app.name) !== undefined) return false;
      this.#tables.apps.insert(app);
      if (firstRelease !== undefined) {
        this.#tables.releases.insert({ ...firstRelease, appId: app.id, version: 1 });
        this.#tables.apps.update({ releasedAt: firstRelease.createdAt }, 'id = ?', [app.id]);
      }
      return true;
    })();
  }

  update(appId: string, patch: AppPatch, at: string): AppRecord | undefined {
    return this.#db.transaction(() => {
      if (patch.name !== undefined) {
        const other = this.byNameOrId(patch.name);
        if (other !== undefined && other.id !== appId) return undefined;
      }
      this.#tables.apps.update({ ...patch, updatedAt: at }, 'id = ?', [appId]);
      return this.byId(appId);
    })();
  }

  destroy(appId: string): void {
    this.#tables.apps.delete('id = ?', [appId]);
  }

  setBuildpackDescription(appId: string, description: string | null): void {
    this.#tables.apps.update({ buildpackDescription: description }, 'id = ?', [appId]);
  }
}
