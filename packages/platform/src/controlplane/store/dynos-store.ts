/**
 * Named operations on observed dynos and routed dynos that drain before they stop. Implemented by ./sqlite/sqlite-dynos-store.ts; no SQL outside it.
 */

import type { DynoRecord } from './records.js';

export interface DynoStore {
  // --- used by api2 ---
  /** The app's dynos as last observed, by type and number. */
  ofApp(appId: string): DynoRecord[];
  /** The app's dyno with this name (`web.1`) or id. */
  findOfApp(appId: string, nameOrId: string): DynoRecord | undefined;
}
