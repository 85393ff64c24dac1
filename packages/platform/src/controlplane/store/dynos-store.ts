/**
 * Named operations on observed dynos and routed dynos that drain before they stop. Implemented by ./sqlite/sqlite-dynos-store.ts; no SQL outside it.
 */
import type { DynoDrainRecord, DynoRecord } from './records.js';

export interface DynoStore {
  /** Every observed dyno (what the runtime last reported), in no particular order. */
  list(): DynoRecord[];
  /** Replaces every observed dyno with `dynos`, in one unit of work (the reconciler alone writes them). */
  replaceObserved(dynos: readonly DynoRecord[]): void;
  /** Forgets the observed dynos of a space whose network is being removed. */
  forgetInSpace(spaceId: string): void;
  /** The drain of a dyno leaving routing, if one started. */
  drainOf(dynoId: string): DynoDrainRecord | undefined;
  /** Takes a routed dyno out of routing: it drains until the router says so, or a deadline. */
  startDrain(drain: DynoDrainRecord): void;
  /** Every drain in progress or drained. */
  drains(): DynoDrainRecord[];
  /** Forgets the drain of a dyno that no longer exists. */
  forgetDrain(dynoId: string): void;
}
