/**
 * AppStore on SQLite (tables: apps).
 */
import type { AppStore } from '../apps-store.js';
import type { SqliteTables } from './sqlite-store.js';
import type { AppRecord } from '../records.js';

export class SqliteAppStore implements AppStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by seam ---
  list(): AppRecord[] {
    return this.#tables.apps.select('');
  }
}
