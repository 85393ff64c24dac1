/**
 * LogDrainStore on SQLite (tables: logDrains).
 */
import type { LogDrainStore } from '../log-drains-store.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteLogDrainStore implements LogDrainStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }
}
