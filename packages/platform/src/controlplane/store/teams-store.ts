/**
 * Named operations on teams and their members. Implemented by ./sqlite/sqlite-teams-store.ts; no SQL outside it.
 */

export interface TeamStore {}
