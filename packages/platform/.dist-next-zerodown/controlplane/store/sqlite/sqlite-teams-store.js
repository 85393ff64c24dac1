import { LAST_ADMIN } from '../teams-store.js';
export class SqliteTeamStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    byNameOrId(nameOrId) {
        return this.#tables.teams.one('id = ? OR name = ?', [nameOrId, nameOrId]);
    }
    byId(id) {
        return this.#tables.teams.one('id = ?', [id]);
    }
    list() {
        return this.#tables.teams.select('', [], 'ORDER BY name');
    }
    createWithAdmin(team, adminUserId) {
        return this.#db.transaction(() => {
            if (this.byNameOrId(team.name) !== undefined)
                return false;
            this.#tables.teams.insert(team);
            this.#tables.teamMembers.insert({ teamId: team.id, userId: adminUserId, role: 'admin', createdAt: team.createdAt, updatedAt: team.createdAt });
            return true;
        })();
    }
    role(teamId, userId) {
        return this.member(teamId, userId)?.role ?? null;
    }
    members(teamId) {
        return this.#tables.teamMembers.select('team_id = ?', [teamId], 'ORDER BY created_at');
    }
    member(teamId, userId) {
        return this.#tables.teamMembers.one('team_id = ? AND user_id = ?', [teamId, userId]);
    }
    putMember(teamId, newUser, role, at) {
        return this.#db.transaction(() => {
            const user = this.#tables.users.one('email = ?', [newUser.email]) ?? this.#tables.users.insert(newUser);
            const existing = this.member(teamId, user.id);
            if (existing === undefined) {
                return this.#tables.teamMembers.insert({ teamId, userId: user.id, role, createdAt: at, updatedAt: at });
            }
            if (existing.role === 'admin' && role !== 'admin' && this.#adminCount(teamId) === 1)
                return LAST_ADMIN;
            this.#tables.teamMembers.update({ role, updatedAt: at }, 'team_id = ? AND user_id = ?', [teamId, user.id]);
            return { ...existing, role, updatedAt: at };
        })();
    }
    removeMember(teamId, userId) {
        return this.#db.transaction(() => {
            const member = this.member(teamId, userId);
            if (member === undefined)
                return undefined;
            if (member.role === 'admin' && this.#adminCount(teamId) === 1)
                return LAST_ADMIN;
            this.#tables.teamMembers.delete('team_id = ? AND user_id = ?', [teamId, userId]);
            this.#tables.spaceMembers.delete('user_id = ? AND space_id IN (SELECT id FROM spaces WHERE team_id = ?)', [userId, teamId]);
            return member;
        })();
    }
    #adminCount(teamId) {
        return this.#tables.teamMembers.select(`team_id = ? AND role = 'admin'`, [teamId]).length;
    }
}
//# sourceMappingURL=sqlite-teams-store.js.map