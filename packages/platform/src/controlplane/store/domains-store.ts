/**
 * Named operations on custom domains and SNI endpoints. Implemented by ./sqlite/sqlite-domains-store.ts; no SQL outside it.
 */
import type { DomainRecord, SniEndpointRecord } from './records.js';

export interface DomainStore {
  // --- used by seam ---
  /** Every custom domain of every app. */
  list(): DomainRecord[];
  /** Every SNI endpoint (certificate chain and key) of every app. */
  sniEndpoints(): SniEndpointRecord[];
}
