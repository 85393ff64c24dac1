/**
 * AccountStore on SQLite (tables: users, authorizations).
 */
import type { Database } from 'better-sqlite3';
import type { AccountStore } from '../accounts-store.js';
import type { AuthorizationRecord, UserRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteAccountStore implements AccountStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    byId(id: string): UserRecord | undefined;
    byEmailOrId(emailOrId: string): UserRecord | undefined;
    serverAdmin(): UserRecord | undefined;
    createUser(user: UserRecord): UserRecord;
    createOrAdoptUser(user: UserRecord): UserRecord | undefined;
    createServerAdmin(user: UserRecord, authorization: AuthorizationRecord): void;
    recordLogin(userId: string, at: string): void;
    createAuthorization(authorization: AuthorizationRecord): AuthorizationRecord;
    authorizationByTokenHash(tokenHash: string): AuthorizationRecord | undefined;
    liveAuthorizations(userId: string): AuthorizationRecord[];
    liveAuthorization(userId: string, id: string): AuthorizationRecord | undefined;
    revokeAuthorization(id: string, at: string): void;
}
