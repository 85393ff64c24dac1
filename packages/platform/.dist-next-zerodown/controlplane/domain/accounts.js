/**
 * Accounts and API keys: creating users, issuing and revoking keys, logging in (email and
 * password, or an API key where the password goes), and the server admin's first start.
 */
import { randomUUID } from 'node:crypto';
import { ForbiddenError, InvalidParamsError, NotFoundError, UnauthorizedError } from '../../shared/errors.js';
import { generateToken, hashPassword, hashToken, verifyPassword } from './tokens.js';
function newAuthorization(user, description, options) {
    const now = new Date().toISOString();
    const token = options.token ?? generateToken();
    const record = {
        id: randomUUID(),
        userId: user.id,
        tokenHash: hashToken(token),
        description,
        scope: options.scope ?? ['global'],
        expiresAt: options.expiresIn === undefined || options.expiresIn === null ? null : new Date(Date.now() + options.expiresIn * 1000).toISOString(),
        revokedAt: null,
        createdAt: now,
        updatedAt: now,
    };
    return { record, token };
}
function newUser(email, options) {
    const now = new Date().toISOString();
    return {
        id: randomUUID(),
        email: email.toLowerCase(),
        name: null,
        passwordHash: options.password === undefined ? null : hashPassword(options.password),
        serverAdmin: options.serverAdmin ?? false,
        createdAt: now,
        updatedAt: now,
        lastLogin: null,
    };
}
/** Creates an authorization (API key) for a user; returns it and the clear token once. */
export function issueToken(store, user, description, options = {}) {
    const issued = newAuthorization(user, description, options);
    store.accounts.createAuthorization(issued.record);
    return issued;
}
/** Creates an account (never a server admin: there is one, made at first start). */
export function createUser(store, email, options = {}) {
    return store.accounts.createUser(newUser(email, options));
}
/** A valid email address, lower-cased. */
export function validEmail(value) {
    if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.?[^\s@]*$/.test(value) || value.length > 254) {
        throw new InvalidParamsError('Email must be a valid email address.');
    }
    return value.toLowerCase();
}
/** The user an API key belongs to, if the key is live. */
export function userForToken(store, token) {
    const auth = store.accounts.authorizationByTokenHash(hashToken(token));
    if (auth === undefined || auth.revokedAt !== null)
        return undefined;
    if (auth.expiresAt !== null && Date.parse(auth.expiresAt) <= Date.now())
        return undefined;
    return store.accounts.byId(auth.userId);
}
/**
 * Checks login credentials (`heroku login -i`): Basic credentials' secret may be the password
 * or one of the user's live API keys.
 */
export function userForLogin(store, credentials) {
    let user;
    if (credentials?.scheme === 'basic') {
        const candidate = store.accounts.byEmailOrId(credentials.user);
        const byPassword = candidate?.passwordHash !== null && candidate !== undefined && verifyPassword(credentials.secret, candidate.passwordHash ?? '');
        const byToken = candidate !== undefined && userForToken(store, credentials.secret)?.id === candidate.id;
        if (byPassword || byToken)
            user = candidate;
    }
    else if (credentials?.scheme === 'bearer') {
        user = userForToken(store, credentials.secret);
    }
    if (user === undefined)
        throw new UnauthorizedError('Invalid credentials provided.');
    return user;
}
/** Records a login and issues the API key it asked for. */
export function logIn(store, user, request) {
    store.accounts.recordLogin(user.id, new Date().toISOString());
    return issueToken(store, user, request.description, { expiresIn: request.expiresIn });
}
/** One of the user's live API keys. */
export function liveAuthorization(store, user, id) {
    const auth = store.accounts.liveAuthorization(user.id, id);
    if (auth === undefined)
        throw new NotFoundError('authorization', id);
    return auth;
}
/** Revokes one of the user's API keys; returns it as it was. */
export function revokeAuthorization(store, user, id) {
    const auth = liveAuthorization(store, user, id);
    store.accounts.revokeAuthorization(auth.id, new Date().toISOString());
    return auth;
}
/**
 * The server admin creates an account (Cove's `POST /users`) and gets its first API key. An
 * account a team invitation made (never used) is taken over; one in use is refused.
 */
export function createAccount(store, actor, input) {
    if (!actor.serverAdmin)
        throw new ForbiddenError('Only the server admin can create accounts.', 'user');
    const email = validEmail(input.email);
    const password = input.password;
    if (password !== undefined && (typeof password !== 'string' || password.length < 8)) {
        throw new InvalidParamsError('Password must be a string of at least 8 characters.');
    }
    const user = store.accounts.createOrAdoptUser(newUser(email, typeof password === 'string' ? { password } : {}));
    if (user === undefined)
        throw new InvalidParamsError(`An account with email ${email} already exists.`, 'user');
    const { token } = issueToken(store, user, 'Created by the server admin');
    return { user, token };
}
/**
 * First start: creates the server admin and its API key (`token` if configured, else a random
 * one, returned to be written down). Later starts only make sure a configured token works.
 * Returns the admin's token, or null when none is to be shown.
 */
export function bootstrapServerAdmin(store, email, token) {
    const admin = store.accounts.serverAdmin();
    if (admin !== undefined) {
        if (token === null)
            return null;
        if (store.accounts.authorizationByTokenHash(hashToken(token)) === undefined)
            issueToken(store, admin, 'COVE_ADMIN_TOKEN', { token });
        return token;
    }
    const user = newUser(email, { serverAdmin: true });
    const issued = newAuthorization(user, 'Cove admin (first start)', token === null ? {} : { token });
    store.accounts.createServerAdmin(user, issued.record);
    return issued.token;
}
//# sourceMappingURL=accounts.js.map