/**
 * Named operations on observed dynos and routed dynos that drain before they stop. Implemented by ./sqlite/sqlite-dynos-store.ts; no SQL outside it.
 */

export interface DynoStore {}
