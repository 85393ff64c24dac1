import type { TeamRole } from '@cove/schema';
import type { TeamMemberRecord, TeamRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
export declare const TEAM_ROLES: readonly TeamRole[];
export declare function validRole(value: unknown): TeamRole;
/** Creates a team with its creator as admin. */
export declare function createTeam(store: Store, actor: UserRecord, input: {
    readonly name: unknown;
}): TeamRecord;
/** Adds a member to the team or changes their role (team admins only). */
export declare function putTeamMember(store: Store, actor: UserRecord, teamNameOrId: string, input: {
    readonly email: unknown;
    readonly role: unknown;
}): TeamMemberRecord;
/** Removes a member from the team and from its spaces' grants (team admins only). */
export declare function removeTeamMember(store: Store, actor: UserRecord, teamNameOrId: string, memberEmailOrId: string): TeamMemberRecord;
