/**
 * DomainStore on SQLite (tables: domains, sniEndpoints).
 */
import type { Database } from 'better-sqlite3';
import type { DomainStore } from '../domains-store.js';
import type { DomainRecord, SniEndpointRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteDomainStore implements DomainStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    ofApp(appId: string): DomainRecord[];
    find(appId: string, idOrHostname: string): DomainRecord | undefined;
    add(domain: DomainRecord): DomainRecord;
    remove(domainId: string): void;
    sniEndpoints(appId: string): SniEndpointRecord[];
    sniEndpoint(appId: string, idOrName: string): SniEndpointRecord | undefined;
    addSniEndpoint(endpoint: SniEndpointRecord): SniEndpointRecord;
    replaceSniCertificate(endpointId: string, certificateChain: string, privateKey: string, at: string): void;
    removeSniEndpoint(endpointId: string): void;
    list(): DomainRecord[];
    allSniEndpoints(): SniEndpointRecord[];
}
