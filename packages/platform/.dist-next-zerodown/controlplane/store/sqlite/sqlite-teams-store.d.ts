/**
 * TeamStore on SQLite (tables: teams, teamMembers).
 */
import type { Database } from 'better-sqlite3';
import type { TeamRole } from '@cove/schema';
import { LAST_ADMIN, type TeamStore } from '../teams-store.js';
import type { TeamMemberRecord, TeamRecord, UserRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteTeamStore implements TeamStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    byNameOrId(nameOrId: string): TeamRecord | undefined;
    byId(id: string): TeamRecord | undefined;
    list(): TeamRecord[];
    createWithAdmin(team: TeamRecord, adminUserId: string): boolean;
    role(teamId: string, userId: string): TeamRole | null;
    members(teamId: string): TeamMemberRecord[];
    member(teamId: string, userId: string): TeamMemberRecord | undefined;
    putMember(teamId: string, newUser: UserRecord, role: TeamRole, at: string): TeamMemberRecord | typeof LAST_ADMIN;
    removeMember(teamId: string, userId: string): TeamMemberRecord | typeof LAST_ADMIN | undefined;
}
