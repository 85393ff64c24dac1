/**
 * DynoStore on SQLite (tables: dynos, dynoDrains).
 */
import type { DynoStore } from '../dynos-store.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteDynoStore implements DynoStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }
}
