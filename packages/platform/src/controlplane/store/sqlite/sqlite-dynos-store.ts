/**
 * DynoStore on SQLite (tables: dynos, dynoDrains).
 */
import type { DynoStore } from '../dynos-store.js';
import type { DynoRecord } from '../records.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteDynoStore implements DynoStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by api2 ---
  ofApp(appId: string): DynoRecord[] {
    return this.#tables.dynos.select('app_id = ?', [appId], 'ORDER BY type, number');
  }

  findOfApp(appId: string, nameOrId: string): DynoRecord | undefined {
    return this.#tables.dynos.one('app_id = ? AND (name = ? OR id = ?)', [appId, nameOrId, nameOrId]);
  }
}
