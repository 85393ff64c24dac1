/**
 * DomainStore on SQLite (tables: domains, sniEndpoints).
 */
import type { DomainStore } from '../domains-store.js';
import type { SqliteTables } from './sqlite-store.js';
import type { DomainRecord, SniEndpointRecord } from '../records.js';

export class SqliteDomainStore implements DomainStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by seam ---
  list(): DomainRecord[] {
    return this.#tables.domains.select('');
  }

  sniEndpoints(): SniEndpointRecord[] {
    return this.#tables.sniEndpoints.select('');
  }
}
