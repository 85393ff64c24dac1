/**
 * Named operations on process formations (quantity, size, restart epochs). Implemented by ./sqlite/sqlite-formations-store.ts; no SQL outside it.
 */
import type { FormationRecord } from './records.js';

export interface FormationStore {
  // --- used by recon ---
  /** The app's process formations, by process type. */
  ofApp(appId: string): FormationRecord[];
}
