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

  // --- used by api2 ---
  byId(appId: string): AppRecord | undefined {
    return this.#tables.apps.one('id = ?', [appId]);
  }

  list(): AppRecord[] {
    return this.#tables.apps.select('');
  }

  setBuildpackDescription(appId: string, description: string | null): void {
    this.#tables.apps.update({ buildpackDescription: description }, 'id = ?', [appId]);
  }
}
