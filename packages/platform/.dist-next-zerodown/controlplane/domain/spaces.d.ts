import type { SpaceMemberRecord, SpaceRecord, SpaceZoneRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
/** `POST /spaces` as the domain sees it: the body's fields, not yet checked. */
export interface SpaceCreateInput {
    readonly name?: unknown;
    readonly team?: unknown;
    readonly region?: unknown;
    readonly generation?: unknown;
    readonly cidr?: unknown;
    readonly data_cidr?: unknown;
    readonly shield?: unknown;
    readonly log_drain_url?: unknown;
}
/** Creates a space in a team (team admins only); the reconciler allocates it. */
export declare function createSpace(store: Store, actor: UserRecord, input: SpaceCreateInput, options: {
    readonly region: string;
}): SpaceRecord;
/** Renames a space (team admins only); other network settings are fixed at creation. */
export declare function updateSpace(store: Store, actor: UserRecord, nameOrId: string, input: Readonly<Record<string, unknown>>): SpaceRecord;
/** Marks an empty space for destruction (team admins only); the reconciler tears it down. */
export declare function destroySpace(store: Store, actor: UserRecord, nameOrId: string): SpaceRecord;
/** Moves a space and its apps to another team; the caller must be an admin of both. */
export declare function transferSpace(store: Store, actor: UserRecord, nameOrId: string, input: {
    readonly new_owner?: unknown;
}): SpaceRecord;
/** Replaces a space's trusted IP ranges (team admins only). */
export declare function setInboundRuleset(store: Store, actor: UserRecord, nameOrId: string, input: {
    readonly rules?: unknown;
}): SpaceRecord;
/** Sets what a team member may do in the space (`create_apps`); viewers get nothing. */
export declare function setSpaceAccess(store: Store, actor: UserRecord, nameOrId: string, memberEmailOrId: string, input: {
    readonly permissions?: unknown;
}): {
    space: SpaceRecord;
    user: UserRecord;
    grant: SpaceMemberRecord;
};
/** The zone failure drill: fails or recovers one zone (team admins only); one must stay healthy. */
export declare function setZoneHealth(store: Store, actor: UserRecord, nameOrId: string, zoneName: string, action: 'fail' | 'recover'): {
    space: SpaceRecord;
    zone: SpaceZoneRecord;
};
