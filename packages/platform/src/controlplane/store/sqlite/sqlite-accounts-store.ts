/**
 * AccountStore on SQLite (tables: users, authorizations).
 */
import type { AccountStore } from '../accounts-store.js';
import type { UserRecord } from '../records.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteAccountStore implements AccountStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by api2 ---
  byId(userId: string): UserRecord | undefined {
    return this.#tables.users.one('id = ?', [userId]);
  }
}
