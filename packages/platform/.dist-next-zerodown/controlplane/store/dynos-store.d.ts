/**
 * Named operations on observed dynos and routed dynos that drain before they stop. Implemented by ./sqlite/sqlite-dynos-store.ts; no SQL outside it.
 */
import type { DynoDrainRecord, DynoRecord } from './records.js';
export interface DynoStore {
    /** Every dyno the reconciler has recorded, in any state. */
    list(): DynoRecord[];
    /** Every routed dyno that left routing and drains before it stops. */
    drains(): DynoDrainRecord[];
    /** The router no longer routes to the draining dyno: records when, once. False when it was not draining or already drained. */
    markDrained(dynoId: string, at: string): boolean;
    /** The app's dynos, by process type and number. */
    ofApp(appId: string): DynoRecord[];
    /** The app's dynos that are up, by process type and number. */
    upOfApp(appId: string): DynoRecord[];
    /** The dynos of a space, by name. */
    inSpace(spaceId: string): DynoRecord[];
    /** The app's dyno with this name (`web.1`) or id. */
    findOfApp(appId: string, nameOrId: string): DynoRecord | undefined;
    /** Replaces every observed dyno with `dynos`, in one unit of work (the reconciler alone writes them). */
    replaceObserved(dynos: readonly DynoRecord[]): void;
    /** Forgets the observed dynos of a space whose network is being removed. */
    forgetInSpace(spaceId: string): void;
    /** The drain of a dyno leaving routing, if one started. */
    drainOf(dynoId: string): DynoDrainRecord | undefined;
    /** Takes a routed dyno out of routing: it drains until the router says so, or a deadline. */
    startDrain(drain: DynoDrainRecord): void;
    /** Forgets the drain of a dyno that no longer exists. */
    forgetDrain(dynoId: string): void;
}
