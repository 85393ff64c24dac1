/**
 * AppStore on SQLite (tables: apps).
 */
import type { AppStore } from '../apps-store.js';
import type { AppRecord } from '../records.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteAppStore implements AppStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by recon ---
  all(): AppRecord[] {
    return this.#tables.apps.select('');
  }

  byId(appId: string): AppRecord | undefined {
    return this.#tables.apps.one('id = ?', [appId]);
  }
}
