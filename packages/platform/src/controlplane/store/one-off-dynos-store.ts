/**
 * Named operations on one-off dynos (`heroku run`) and their rendezvous secrets. Implemented by ./sqlite/sqlite-one-off-dynos-store.ts; no SQL outside it.
 */
import type { OneOffDynoRecord } from './records.js';

export interface OneOffDynoStore {
  // --- used by recon ---
  /** Every one-off dyno, oldest first. */
  all(): OneOffDynoRecord[];
  /** Notes that the reconciler started the one-off dyno (a no-op unless it is pending). */
  markStarted(dynoId: string): void;
  /** Forgets a one-off dyno that ended, vanished or expired (the reconciler then stops it). */
  forgetEnded(dynoId: string): void;
}
