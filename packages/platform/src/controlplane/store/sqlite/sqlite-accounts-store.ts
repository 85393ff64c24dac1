/**
 * AccountStore on SQLite (tables: users, authorizations).
 */
import type { Database } from 'better-sqlite3';
import type { AccountStore } from '../accounts-store.js';
import type { AuthorizationRecord, UserRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class SqliteAccountStore implements AccountStore {
  readonly #tables: SqliteTables;
  readonly #db: Database;

  constructor(tables: SqliteTables, db: Database) {
    this.#tables = tables;
    this.#db = db;
  }

  byId(id: string): UserRecord | undefined {
    return this.#tables.users.one('id = ?', [id]);
  }

  byEmailOrId(emailOrId: string): UserRecord | undefined {
    return UUID.test(emailOrId) ? this.byId(emailOrId) : this.#tables.users.one('email = ?', [emailOrId]);
  }

  serverAdmin(): UserRecord | undefined {
    return this.#tables.users.one('server_admin = 1');
  }

  createUser(user: UserRecord): UserRecord {
    return this.#tables.users.insert(user);
  }

  createOrAdoptUser(user: UserRecord): UserRecord | undefined {
    return this.#db.transaction(() => {
      const existing = this.#tables.users.one('email = ?', [user.email]);
      if (existing === undefined) return this.#tables.users.insert(user);
      if (existing.passwordHash !== null || this.#tables.authorizations.one('user_id = ?', [existing.id]) !== undefined) return undefined;
      if (user.passwordHash === null) return existing;
      this.#tables.users.update({ passwordHash: user.passwordHash, updatedAt: user.updatedAt }, 'id = ?', [existing.id]);
      return { ...existing, passwordHash: user.passwordHash, updatedAt: user.updatedAt };
    })();
  }

  createServerAdmin(user: UserRecord, authorization: AuthorizationRecord): void {
    this.#db.transaction(() => {
      this.#tables.users.insert(user);
      this.#tables.authorizations.insert(authorization);
    })();
  }

  recordLogin(userId: string, at: string): void {
    this.#tables.users.update({ lastLogin: at }, 'id = ?', [userId]);
  }

  createAuthorization(authorization: AuthorizationRecord): AuthorizationRecord {
    return this.#tables.authorizations.insert(authorization);
  }

  authorizationByTokenHash(tokenHash: string): AuthorizationRecord | undefined {
    return this.#tables.authorizations.one('token_hash = ?', [tokenHash]);
  }

  liveAuthorizations(userId: string): AuthorizationRecord[] {
    return this.#tables.authorizations.select('user_id = ? AND revoked_at IS NULL', [userId], 'ORDER BY created_at');
  }

  liveAuthorization(userId: string, id: string): AuthorizationRecord | undefined {
    return this.#tables.authorizations.one('id = ? AND user_id = ? AND revoked_at IS NULL', [id, userId]);
  }

  revokeAuthorization(id: string, at: string): void {
    this.#tables.authorizations.update({ revokedAt: at, updatedAt: at }, 'id = ?', [id]);
  }
}
