/**
 * Named operations on spaces, their zones and per-space member permissions. Implemented by ./sqlite/sqlite-spaces-store.ts; no SQL outside it.
 */
import type { InboundRule, SpaceState } from '@cove/schema';
import type { LogDrainRecord, SpaceMemberRecord, SpaceRecord, SpaceZoneRecord } from './records.js';
/** A new space: what the store allocates (short id, transit index) is left out. */
export type NewSpace = Omit<SpaceRecord, 'shortId' | 'index'>;
/** A space's trusted IP ranges with who set them and when. */
export interface SpaceInboundRuleset {
    readonly rules: InboundRule[];
    readonly rulesetId: string;
    readonly updatedAt: string;
    readonly updatedBy: string;
}
export interface SpaceStore {
    /** The space with this name or id. */
    byNameOrId(nameOrId: string): SpaceRecord | undefined;
    /** The space with this id. */
    byId(id: string): SpaceRecord | undefined;
    /** Every space, by name. */
    list(): SpaceRecord[];
    /**
     * Adds a space with a fresh short id and transit index, its zones, and its space log drain if
     * given; undefined if the name is taken.
     */
    create(space: NewSpace, zones: readonly string[], logDrain?: LogDrainRecord): SpaceRecord | undefined;
    /** Renames a space; undefined if another space has the name. */
    rename(spaceId: string, name: string, at: string): SpaceRecord | undefined;
    /**
     * Marks a space `deleting` (the reconciler tears it down) unless apps are still in it: then
     * it returns their names and changes nothing.
     */
    requestDestroy(spaceId: string, at: string): {
        readonly space: SpaceRecord;
    } | {
        readonly appNames: string[];
    };
    /** Moves a space and its apps to another team; per-space grants are dropped. */
    transfer(spaceId: string, teamId: string, at: string): SpaceRecord;
    /** Replaces a space's trusted IP ranges. */
    setInboundRuleset(spaceId: string, ruleset: SpaceInboundRuleset): SpaceRecord;
    /** A member's grants in the space, if any were given. */
    grant(spaceId: string, userId: string): SpaceMemberRecord | undefined;
    /** Replaces a member's grants in the space. */
    setGrant(grant: SpaceMemberRecord): void;
    /** The space's zones, by name. */
    zones(spaceId: string): SpaceZoneRecord[];
    /** One zone of the space. */
    zone(spaceId: string, name: string): SpaceZoneRecord | undefined;
    /** Marks a zone failed; false (and no change) if it is the space's last healthy zone. */
    failZone(spaceId: string, name: string, at: string): boolean;
    /** Marks a zone healthy again. */
    recoverZone(spaceId: string, name: string, at: string): void;
    /** Every space, oldest first (the order the reconciler applies them in). */
    listByAge(): SpaceRecord[];
    /** Records what the runtime reports of the space's network (state, outbound IPs) and clears its last error. */
    recordNetwork(spaceId: string, network: {
        readonly state: SpaceState;
        readonly outboundIps: readonly string[];
    }): void;
    /** Records why the space's network did not converge. */
    recordLastError(spaceId: string, message: string): void;
    /** Forgets a deleting space (with its zones and members) once its network is gone. */
    forgetDeleted(spaceId: string): void;
}
