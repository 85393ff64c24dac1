/**
 * Named operations on apps (config vars live on the app). Implemented by ./sqlite/sqlite-apps-store.ts; no SQL outside it.
 */

import type { AppRecord } from './records.js';

export interface AppStore {
  // --- used by api2 ---
  /** An app by id. */
  byId(appId: string): AppRecord | undefined;
  /** Every app. */
  list(): AppRecord[];
  /** Records the buildpacks that built the app's newest slug (`buildpack_provided_description`). */
  setBuildpackDescription(appId: string, description: string | null): void;
}
