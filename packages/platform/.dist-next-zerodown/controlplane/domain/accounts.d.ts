import type { AuthorizationRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
/** Credentials a login presents: Basic email:secret, or a Bearer API key. */
export type LoginCredentials = {
    readonly scheme: 'basic';
    readonly user: string;
    readonly secret: string;
} | {
    readonly scheme: 'bearer';
    readonly secret: string;
};
export interface TokenOptions {
    /** Use this key instead of a random one (COVE_ADMIN_TOKEN). */
    readonly token?: string;
    /** Seconds until the key stops working; null or absent: never. */
    readonly expiresIn?: number | null;
    readonly scope?: string[];
}
/** Creates an authorization (API key) for a user; returns it and the clear token once. */
export declare function issueToken(store: Store, user: UserRecord, description: string, options?: TokenOptions): {
    record: AuthorizationRecord;
    token: string;
};
/** Creates an account (never a server admin: there is one, made at first start). */
export declare function createUser(store: Store, email: string, options?: {
    password?: string;
}): UserRecord;
/** A valid email address, lower-cased. */
export declare function validEmail(value: unknown): string;
/** The user an API key belongs to, if the key is live. */
export declare function userForToken(store: Store, token: string): UserRecord | undefined;
/**
 * Checks login credentials (`heroku login -i`): Basic credentials' secret may be the password
 * or one of the user's live API keys.
 */
export declare function userForLogin(store: Store, credentials: LoginCredentials | null): UserRecord;
/** Records a login and issues the API key it asked for. */
export declare function logIn(store: Store, user: UserRecord, request: {
    readonly description: string;
    readonly expiresIn: number | null;
}): {
    record: AuthorizationRecord;
    token: string;
};
/** One of the user's live API keys. */
export declare function liveAuthorization(store: Store, user: UserRecord, id: string): AuthorizationRecord;
/** Revokes one of the user's API keys; returns it as it was. */
export declare function revokeAuthorization(store: Store, user: UserRecord, id: string): AuthorizationRecord;
/**
 * The server admin creates an account (Cove's `POST /users`) and gets its first API key. An
 * account a team invitation made (never used) is taken over; one in use is refused.
 */
export declare function createAccount(store: Store, actor: UserRecord, input: {
    readonly email: unknown;
    readonly password?: unknown;
}): {
    user: UserRecord;
    token: string;
};
/**
 * First start: creates the server admin and its API key (`token` if configured, else a random
 * one, returned to be written down). Later starts only make sure a configured token works.
 * Returns the admin's token, or null when none is to be shown.
 */
export declare function bootstrapServerAdmin(store: Store, email: string, token: string | null): string | null;
