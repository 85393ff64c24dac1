/**
 * SNI endpoints: a certificate chain and its private key, which the router's HTTPS listener
 * serves to clients asking (SNI) for one of the certificate's names. The key must match the
 * leaf certificate, which must not have expired; the key is stored, never shown.
 */
import { X509Certificate } from 'node:crypto';
import type { AppRecord, SniEndpointRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
/** `POST`/`PATCH /apps/:app/sni-endpoints` as the domain sees it: the body's fields, not yet checked. */
export interface SniEndpointInput {
    readonly certificate_chain?: unknown;
    readonly private_key?: unknown;
}
/** The certificates of a PEM chain, leaf first. */
export declare function parseChain(pem: string): X509Certificate[];
/** DNS names of a certificate: its subjectAltName DNS entries, else its CN. */
export declare function certificateDomains(leaf: X509Certificate): string[];
/** One of the app's SNI endpoints, by id or name. */
export declare function findSniEndpoint(store: Store, app: AppRecord, key: string): SniEndpointRecord;
/** Adds an SNI endpoint to an app. */
export declare function addSniEndpoint(store: Store, actor: UserRecord, nameOrId: string, input: SniEndpointInput): {
    app: AppRecord;
    endpoint: SniEndpointRecord;
};
/** Replaces an SNI endpoint's certificate chain and key. */
export declare function updateSniEndpoint(store: Store, actor: UserRecord, nameOrId: string, key: string, input: SniEndpointInput): {
    app: AppRecord;
    endpoint: SniEndpointRecord;
};
/** Removes an SNI endpoint; returns it as it was. */
export declare function removeSniEndpoint(store: Store, actor: UserRecord, nameOrId: string, key: string): {
    app: AppRecord;
    endpoint: SniEndpointRecord;
};
