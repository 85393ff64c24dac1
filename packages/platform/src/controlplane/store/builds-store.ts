/**
 * Named operations on builds and buildpack installations. Implemented by ./sqlite/sqlite-builds-store.ts; no SQL outside it.
 */

export interface BuildStore {}
