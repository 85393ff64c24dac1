/**
 * Named operations on teams and their members. Implemented by ./sqlite/sqlite-teams-store.ts; no SQL outside it.
 */
import type { TeamRole } from '@cove/schema';
import type { TeamMemberRecord, TeamRecord, UserRecord } from './records.js';
/** Why a change of membership was refused: it would leave the team without an admin. */
export declare const LAST_ADMIN: "last-admin";
export interface TeamStore {
    /** The team with this name or id. */
    byNameOrId(nameOrId: string): TeamRecord | undefined;
    /** The team with this id. */
    byId(id: string): TeamRecord | undefined;
    /** Every team, by name. */
    list(): TeamRecord[];
    /** Adds a team with its creator as its first admin; false if the name is taken. */
    createWithAdmin(team: TeamRecord, adminUserId: string): boolean;
    /** The user's role in the team, or null if not a member. */
    role(teamId: string, userId: string): TeamRole | null;
    /** The team's members, oldest first. */
    members(teamId: string): TeamMemberRecord[];
    /** One member of the team. */
    member(teamId: string, userId: string): TeamMemberRecord | undefined;
    /**
     * Adds the user with this email to the team with `role` (creating `newUser` for an unknown
     * email) or changes their role; refused when it would demote the team's last admin.
     */
    putMember(teamId: string, newUser: UserRecord, role: TeamRole, at: string): TeamMemberRecord | typeof LAST_ADMIN;
    /**
     * Removes a member and their permissions in the team's spaces; refused for the last admin.
     * Undefined if the user is not a member.
     */
    removeMember(teamId: string, userId: string): TeamMemberRecord | typeof LAST_ADMIN | undefined;
}
