/**
 * Named operations on apps (config vars live on the app). Implemented by ./sqlite/sqlite-apps-store.ts; no SQL outside it.
 */
import type { AppRecord } from './records.js';

export interface AppStore {
  // --- used by recon ---
  /** Every app. */
  all(): AppRecord[];
  /** The app with this id. */
  byId(appId: string): AppRecord | undefined;
}
