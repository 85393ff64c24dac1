/**
 * Named operations on custom domains and SNI endpoints. Implemented by ./sqlite/sqlite-domains-store.ts; no SQL outside it.
 */
import type { DomainRecord, SniEndpointRecord } from './records.js';
export interface DomainStore {
    /** The app's custom domains, oldest first. */
    ofApp(appId: string): DomainRecord[];
    /** One of the app's custom domains, by id or (lower-case) hostname. */
    find(appId: string, idOrHostname: string): DomainRecord | undefined;
    /**
     * Adds a custom domain unless its hostname is taken; returns the domain that holds the
     * hostname (the new one, or the one there before).
     */
    add(domain: DomainRecord): DomainRecord;
    /** Removes a custom domain. */
    remove(domainId: string): void;
    /** The app's SNI endpoints, oldest first. */
    sniEndpoints(appId: string): SniEndpointRecord[];
    /** One of the app's SNI endpoints, by id or name. */
    sniEndpoint(appId: string, idOrName: string): SniEndpointRecord | undefined;
    /** Adds an SNI endpoint. */
    addSniEndpoint(endpoint: SniEndpointRecord): SniEndpointRecord;
    /** Replaces an SNI endpoint's certificate chain and key. */
    replaceSniCertificate(endpointId: string, certificateChain: string, privateKey: string, at: string): void;
    /** Removes an SNI endpoint. */
    removeSniEndpoint(endpointId: string): void;
    /** Every custom domain of every app. */
    list(): DomainRecord[];
    /** Every SNI endpoint (certificate chain and key) of every app. */
    allSniEndpoints(): SniEndpointRecord[];
}
