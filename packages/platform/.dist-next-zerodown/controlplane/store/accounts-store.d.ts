/**
 * Named operations on users, authorizations (API keys). Implemented by ./sqlite/sqlite-accounts-store.ts; no SQL outside it.
 */
import type { AuthorizationRecord, UserRecord } from './records.js';
export interface AccountStore {
    /** The user with this id. */
    byId(id: string): UserRecord | undefined;
    /** The user with this email (any case) or, for a UUID, this id. */
    byEmailOrId(emailOrId: string): UserRecord | undefined;
    /** The first account, which may do everything. */
    serverAdmin(): UserRecord | undefined;
    /** Adds an account. */
    createUser(user: UserRecord): UserRecord;
    /**
     * Adds an account, or adopts the one with its email if nobody has used it yet (created by a
     * team invitation: no password, no API key), setting its password hash if given. Returns
     * undefined when the email belongs to an account in use.
     */
    createOrAdoptUser(user: UserRecord): UserRecord | undefined;
    /** Adds the server admin and its first API key, together. */
    createServerAdmin(user: UserRecord, authorization: AuthorizationRecord): void;
    /** Records a login. */
    recordLogin(userId: string, at: string): void;
    /** Adds an authorization (API key). */
    createAuthorization(authorization: AuthorizationRecord): AuthorizationRecord;
    /** The authorization whose key hashes to this, revoked or not. */
    authorizationByTokenHash(tokenHash: string): AuthorizationRecord | undefined;
    /** The user's authorizations that are not revoked, oldest first. */
    liveAuthorizations(userId: string): AuthorizationRecord[];
    /** One of the user's authorizations that is not revoked. */
    liveAuthorization(userId: string, id: string): AuthorizationRecord | undefined;
    /** Revokes an authorization. */
    revokeAuthorization(id: string, at: string): void;
}
