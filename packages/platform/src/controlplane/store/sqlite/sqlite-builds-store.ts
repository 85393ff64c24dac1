/**
 * BuildStore on SQLite (tables: builds, buildpackInstallations).
 */
import type { BuildStore } from '../builds-store.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteBuildStore implements BuildStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }
}
