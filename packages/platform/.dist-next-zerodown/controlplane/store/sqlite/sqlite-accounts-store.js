const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export class SqliteAccountStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    byId(id) {
        return this.#tables.users.one('id = ?', [id]);
    }
    byEmailOrId(emailOrId) {
        return UUID.test(emailOrId) ? this.byId(emailOrId) : this.#tables.users.one('email = ?', [emailOrId]);
    }
    serverAdmin() {
        return this.#tables.users.one('server_admin = 1');
    }
    createUser(user) {
        return this.#tables.users.insert(user);
    }
    createOrAdoptUser(user) {
        return this.#db.transaction(() => {
            const existing = this.#tables.users.one('email = ?', [user.email]);
            if (existing === undefined)
                return this.#tables.users.insert(user);
            if (existing.passwordHash !== null || this.#tables.authorizations.one('user_id = ?', [existing.id]) !== undefined)
                return undefined;
            if (user.passwordHash === null)
                return existing;
            this.#tables.users.update({ passwordHash: user.passwordHash, updatedAt: user.updatedAt }, 'id = ?', [existing.id]);
            return { ...existing, passwordHash: user.passwordHash, updatedAt: user.updatedAt };
        })();
    }
    createServerAdmin(user, authorization) {
        this.#db.transaction(() => {
            this.#tables.users.insert(user);
            this.#tables.authorizations.insert(authorization);
        })();
    }
    recordLogin(userId, at) {
        this.#tables.users.update({ lastLogin: at }, 'id = ?', [userId]);
    }
    createAuthorization(authorization) {
        return this.#tables.authorizations.insert(authorization);
    }
    authorizationByTokenHash(tokenHash) {
        return this.#tables.authorizations.one('token_hash = ?', [tokenHash]);
    }
    liveAuthorizations(userId) {
        return this.#tables.authorizations.select('user_id = ? AND revoked_at IS NULL', [userId], 'ORDER BY created_at');
    }
    liveAuthorization(userId, id) {
        return this.#tables.authorizations.one('id = ? AND user_id = ? AND revoked_at IS NULL', [id, userId]);
    }
    revokeAuthorization(id, at) {
        this.#tables.authorizations.update({ revokedAt: at, updatedAt: at }, 'id = ?', [id]);
    }
}
//# sourceMappingURL=sqlite-accounts-store.js.map