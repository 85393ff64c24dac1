/**
 * Dashboard sessions: signing in (email and password, or an API key) issues a new, expiring API
 * key of its own that lives only in an HttpOnly cookie, so the key a person typed is never
 * stored by the browser. Signing out revokes that key. Each session's CSRF token is derived from
 * its key (a cross-site page can neither read the cookie nor compute the token).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidParamsError } from '../../shared/errors.js';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { logIn, userForLogin } from './accounts.js';
import { hashToken } from './tokens.js';

/** How long a dashboard session lasts. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;
export const SESSION_DESCRIPTION = 'Dashboard session';

/** What a sign-in form sends: email and password, or an API key alone. */
export interface SignIn {
  readonly email?: unknown;
  readonly password?: unknown;
  readonly apiKey?: unknown;
}

/** Checks the sign-in and starts a session: its key (for the cookie) and CSRF token. */
export function startSession(store: Store, input: SignIn): { user: UserRecord; token: string; csrfToken: string } {
  let user: UserRecord;
  if (typeof input.apiKey === 'string' && input.apiKey !== '') {
    user = userForLogin(store, { scheme: 'bearer', secret: input.apiKey });
  } else if (typeof input.email === 'string' && typeof input.password === 'string') {
    user = userForLogin(store, { scheme: 'basic', user: input.email, secret: input.password });
  } else {
    throw new InvalidParamsError('Sign in with an email and password, or with an API key.');
  }
  const { token } = logIn(store, user, { description: SESSION_DESCRIPTION, expiresIn: SESSION_TTL_SECONDS });
  return { user, token, csrfToken: csrfTokenFor(token) };
}

/** The CSRF token of the session whose key is `token`. */
export function csrfTokenFor(token: string): string {
  return createHash('sha256').update(`cove-csrf:${token}`).digest('base64url');
}

/** True when `presented` is the CSRF token of the session `token`. */
export function csrfTokenMatches(token: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(token));
  const actual = Buffer.from(presented);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Revokes the session's key (signing out); a key already gone is fine. */
export function endSession(store: Store, token: string): void {
  const auth = store.accounts.authorizationByTokenHash(hashToken(token));
  if (auth === undefined || auth.revokedAt !== null) return;
  store.accounts.revokeAuthorization(auth.id, new Date().toISOString());
}
