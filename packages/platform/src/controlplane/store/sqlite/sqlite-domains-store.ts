/**
 * DomainStore on SQLite (tables: domains, sniEndpoints).
 */
import type { DomainStore } from '../domains-store.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteDomainStore implements DomainStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }
}
