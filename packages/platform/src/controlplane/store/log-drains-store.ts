/**
 * Named operations on log drains of apps and spaces. Implemented by ./sqlite/sqlite-log-drains-store.ts; no SQL outside it.
 */

export interface LogDrainStore {}
