/**
 * Named operations on observed dynos and routed dynos that drain before they stop. Implemented by ./sqlite/sqlite-dynos-store.ts; no SQL outside it.
 */
import type { DynoRecord } from './records.js';

export interface DynoStore {
  // --- used by api1 ---
  /** The app's dynos, by process type and number. */
  ofApp(appId: string): DynoRecord[];
  /** The app's dynos that are up, by process type and number. */
  upOfApp(appId: string): DynoRecord[];
  /** The dynos of a space, by name. */
  inSpace(spaceId: string): DynoRecord[];
}
