/**
 * Named operations on releases and slugs. Implemented by ./sqlite/sqlite-releases-store.ts; no SQL outside it.
 */

export interface ReleaseStore {}
