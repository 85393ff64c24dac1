/**
 * OneOffDynoStore on SQLite (tables: oneOffDynos).
 */
import type { OneOffDynoStore } from '../one-off-dynos-store.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteOneOffDynoStore implements OneOffDynoStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }
}
