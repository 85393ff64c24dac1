/**
 * Named operations on spaces, their zones and per-space member permissions. Implemented by ./sqlite/sqlite-spaces-store.ts; no SQL outside it.
 */
import type { SpaceRecord } from './records.js';

export interface SpaceStore {
  // --- used by seam ---
  /** Every space, in any state. */
  list(): SpaceRecord[];
}
