/**
 * DomainStore on SQLite (tables: domains, sniEndpoints).
 */
import type { Database } from 'better-sqlite3';
import type { DomainStore } from '../domains-store.js';
import type { DomainRecord, SniEndpointRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';

export class SqliteDomainStore implements DomainStore {
  readonly #tables: SqliteTables;
  readonly #db: Database;

  constructor(tables: SqliteTables, db: Database) {
    this.#tables = tables;
    this.#db = db;
  }

  ofApp(appId: string): DomainRecord[] {
    return this.#tables.domains.select('app_id = ?', [appId], 'ORDER BY created_at, hostname');
  }

  find(appId: string, idOrHostname: string): DomainRecord | undefined {
    return this.#tables.domains.one('app_id = ? AND (id = ? OR hostname = ?)', [appId, idOrHostname, idOrHostname]);
  }

  add(domain: DomainRecord): DomainRecord {
    return this.#db.transaction(() => {
      const holder = this.#tables.domains.one('hostname = ?', [domain.hostname]);
      return holder ?? this.#tables.domains.insert(domain);
    })();
  }

  remove(domainId: string): void {
    this.#tables.domains.delete('id = ?', [domainId]);
  }

  sniEndpoints(appId: string): SniEndpointRecord[] {
    return this.#tables.sniEndpoints.select('app_id = ?', [appId], 'ORDER BY created_at');
  }

  sniEndpoint(appId: string, idOrName: string): SniEndpointRecord | undefined {
    return this.#tables.sniEndpoints.one('app_id = ? AND (id = ? OR name = ?)', [appId, idOrName, idOrName]);
  }

  addSniEndpoint(endpoint: SniEndpointRecord): SniEndpointRecord {
    return this.#tables.sniEndpoints.insert(endpoint);
  }

  replaceSniCertificate(endpointId: string, certificateChain: string, privateKey: string, at: string): void {
    this.#tables.sniEndpoints.update({ certificateChain, privateKey, updatedAt: at }, 'id = ?', [endpointId]);
  }

  removeSniEndpoint(endpointId: string): void {
    this.#tables.sniEndpoints.delete('id = ?', [endpointId]);
  }

  list(): DomainRecord[] {
    return this.#tables.domains.select('');
  }

  allSniEndpoints(): SniEndpointRecord[] {
    return this.#tables.sniEndpoints.select('');
  }
}
