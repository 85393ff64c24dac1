import type { RouteFeed, RouteServer } from './route-feed.js';
export type Slot = {
    readonly state: 'free';
}
/** Out of rotation with no request left, but HAProxy may still pool a connection to the old dyno. */
 | {
    readonly state: 'spent';
} | {
    readonly state: 'serving';
    readonly server: RouteServer;
}
/** Out of rotation, waiting for its last requests to finish. */
 | {
    readonly state: 'draining';
    readonly server: RouteServer;
};
/** `ServerSlots.snapshot()`: app id → its slots, in order. */
export type SavedSlots = readonly (readonly [string, readonly Slot[]])[];
export interface SlotPlan {
    /** Admin-socket commands for the serving process; null: a new process is needed. */
    readonly commands: readonly string[] | null;
    /** The slots the feed needs in a new process (servers first, then free slots). */
    readonly fresh: ReadonlyMap<string, readonly (RouteServer | null)[]>;
}
export declare class ServerSlots {
    #private;
    /** The slots of the serving process as the configuration renders them (null: empty or unused). */
    get layout(): ReadonlyMap<string, readonly (RouteServer | null)[]>;
    /** The lengths of the serving process's slots, all empty: what its configuration looks like without its servers. */
    get shape(): ReadonlyMap<string, readonly null[]>;
    /** Dynos the serving process may send requests to (serving or draining). */
    get dynoIds(): string[];
    /** Draining slots, as `backend/server` names with their dyno ids. */
    get draining(): {
        readonly proxy: string;
        readonly server: string;
        readonly dynoId: string;
    }[];
    /** Spent slots, as `backend/server` names: free again once HAProxy pools no connection of theirs. */
    get spent(): {
        readonly proxy: string;
        readonly server: string;
    }[];
    /** How to get from the serving process's slots to the feed's servers. */
    plan(feed: RouteFeed): SlotPlan;
    /** The serving process ran the last plan's commands. */
    applied(): void;
    /** A new process serves `slots` (its earlier dynos drain with the process it replaced). */
    reloaded(slots: ReadonlyMap<string, readonly (RouteServer | null)[]>): void;
    /**
     * A draining or spent slot has no request left: its dyno has left routing. With no pooled
     * connection left either (HAProxy drops a server's idle connections when it goes into
     * maintenance), the slot can take another dyno; until then it is spent.
     */
    released(proxy: string, server: string, pooled: boolean): void;
    /** The slots as plain data, saved with the serving process for the next server to adopt. */
    snapshot(): SavedSlots;
    /** Takes the slots of an adopted process (`snapshot()` of the server that started it). */
    restore(saved: SavedSlots): void;
    /** Forgets everything (no process serves). */
    clear(): void;
}
