/**
 * TeamStore on SQLite (tables: teams, teamMembers).
 */
import type { Database } from 'better-sqlite3';
import type { TeamRole } from '@cove/schema';
import { LAST_ADMIN, type TeamStore } from '../teams-store.js';
import type { TeamMemberRecord, TeamRecord, UserRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';

export class SqliteTeamStore implements TeamStore {
  readonly #tables: SqliteTables;
  readonly #db: Database;

  constructor(tables: SqliteTables, db: Database) {
    this.#tables = tables;
    this.#db = db;
  }

  byNameOrId(nameOrId: string): TeamRecord | undefined {
    return this.#tables.teams.one('id = ? OR name = ?', [nameOrId, nameOrId]);
  }

  byId(id: string): TeamRecord | undefined {
    return this.#tables.teams.one('id = ?', [id]);
  }

  list(): TeamRecord[] {
    return this.#tables.teams.select('', [], 'ORDER BY name');
  }

  createWithAdmin(team: TeamRecord, adminUserId: string): boolean {
    return this.#db.transaction(() => {
      if (this.byNameOrId(team.name) !== undefined) return false;
      this.#tables.teams.insert(team);
      this.#tables.teamMembers.insert({ teamId: team.id, userId: adminUserId, role: 'admin', createdAt: team.createdAt, updatedAt: team.createdAt });
      return true;
    })();
  }

  role(teamId: string, userId: string): TeamRole | null {
    return this.member(teamId, userId)?.role ?? null;
  }

  members(teamId: string): TeamMemberRecord[] {
    return this.#tables.teamMembers.select('team_id = ?', [teamId], 'ORDER BY created_at');
  }

  member(teamId: string, userId: string): TeamMemberRecord | undefined {
    return this.#tables.teamMembers.one('team_id = ? AND user_id = ?', [teamId, userId]);
  }

  putMember(teamId: string, newUser: UserRecord, role: TeamRole, at: string): TeamMemberRecord | typeof LAST_ADMIN {
    return this.#db.transaction(() => {
      const user = this.#tables.users.one('email = ?', [newUser.email]) ?? this.#tables.users.insert(newUser);
      const existing = this.member(teamId, user.id);
      if (existing === undefined) {
        return this.#tables.teamMembers.insert({ teamId, userId: user.id, role, createdAt: at, updatedAt: at });
      }
      if (existing.role === 'admin' && role !== 'admin' && this.#adminCount(teamId) === 1) return LAST_ADMIN;
      this.#tables.teamMembers.update({ role, updatedAt: at }, 'team_id = ? AND user_id = ?', [teamId, user.id]);
      return { ...existing, role, updatedAt: at };
    })();
  }

  removeMember(teamId: string, userId: string): TeamMemberRecord | typeof LAST_ADMIN | undefined {
    return this.#db.transaction(() => {
      const member = this.member(teamId, userId);
      if (member === undefined) return undefined;
      if (member.role === 'admin' && this.#adminCount(teamId) === 1) return LAST_ADMIN;
      this.#tables.teamMembers.delete('team_id = ? AND user_id = ?', [teamId, userId]);
      this.#tables.spaceMembers.delete('user_id = ? AND space_id IN (SELECT id FROM spaces WHERE team_id = ?)', [userId, teamId]);
      return member;
    })();
  }

  #adminCount(teamId: string): number {
    return this.#tables.teamMembers.select(`team_id = ? AND role = 'admin'`, [teamId]).length;
  }
}
