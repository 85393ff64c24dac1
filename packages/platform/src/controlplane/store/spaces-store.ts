/**
 * Named operations on spaces, their zones and per-space member permissions. Implemented by ./sqlite/sqlite-spaces-store.ts; no SQL outside it.
 */

export interface SpaceStore {}
