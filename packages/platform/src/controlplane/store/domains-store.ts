/**
 * Named operations on custom domains and SNI endpoints. Implemented by ./sqlite/sqlite-domains-store.ts; no SQL outside it.
 */

export interface DomainStore {}
