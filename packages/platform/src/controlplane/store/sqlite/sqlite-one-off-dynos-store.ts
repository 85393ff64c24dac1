/**
 * OneOffDynoStore on SQLite (tables: oneOffDynos).
 */
import type { Database } from 'better-sqlite3';
import type { OneOffDynoStore } from '../one-off-dynos-store.js';
import type { OneOffDynoRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';

export class SqliteOneOffDynoStore implements OneOffDynoStore {
  readonly #tables: SqliteTables;
  readonly #db: Database;

  constructor(tables: SqliteTables, db: Database) {
    this.#tables = tables;
    this.#db = db;
  }

  ofApp(appId: string): OneOffDynoRecord[] {
    return this.#tables.oneOffDynos.select('app_id = ?', [appId]);
  }

  insert(dyno: OneOffDynoRecord): OneOffDynoRecord {
    return this.#tables.oneOffDynos.insert(dyno);
  }

  removeOfApp(appId: string, nameOrId: string): boolean {
    return this.#tables.oneOffDynos.delete('app_id = ? AND (name = ? OR id = ?)', [appId, nameOrId, nameOrId]) > 0;
  }

  remove(dynoId: string): boolean {
    return this.#tables.oneOffDynos.delete('id = ?', [dynoId]) > 0;
  }

  claimSecret(secretHash: string, at: string): OneOffDynoRecord | undefined {
    return this.#db.transaction(() => {
      const record = this.#tables.oneOffDynos.one('secret_hash = ?', [secretHash]);
      if (record === undefined) return undefined;
      this.#tables.oneOffDynos.update({ secretHash: null, updatedAt: at }, 'id = ?', [record.id]);
      return { ...record, secretHash: null, updatedAt: at };
    })();
  }

  all(): OneOffDynoRecord[] {
    return this.#tables.oneOffDynos.select('', [], 'ORDER BY created_at');
  }

  markStarted(dynoId: string): void {
    this.#tables.oneOffDynos.update({ state: 'started', updatedAt: new Date().toISOString() }, "id = ? AND state = 'pending'", [dynoId]);
  }

}
