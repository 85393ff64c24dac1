/**
 * Resolves the caller from `Authorization: Bearer <key>` (the heroku CLI),
 * `Authorization: Basic <user:key>` (git's credential helper sends heroku:<key>), or the
 * dashboard's session cookie. A cookie alone never changes anything: a request other than
 * GET/HEAD/OPTIONS made with it also needs the session's CSRF token in `X-CSRF-Token`, which a
 * cross-site page cannot read or send (a custom header forces a CORS preflight the API never
 * grants). The v3 Accept header alone is not enough for that: browsers let any page send it.
 */
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../../shared/errors.js';
import { userForToken } from '../domain/accounts.js';
import { csrfTokenMatches } from '../domain/dashboard-sessions.js';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { CSRF_HEADER, sessionToken } from './session-cookie.js';

export { userForToken };

export interface Credentials {
  scheme: 'bearer' | 'basic';
  user: string | null;
  secret: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCredentials(request: FastifyRequest): Credentials | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer !== null) return { scheme: 'bearer', user: null, secret: bearer[1] ?? '' };
  const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (basic !== null) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return null;
    return { scheme: 'basic', user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  return null;
}

export function authenticate(store: Store, request: FastifyRequest): UserRecord {
  const credentials = readCredentials(request);
  if (credentials === null && request.headers.authorization === undefined) return authenticateSession(store, request);
  if (credentials === null) throw new UnauthorizedError('Invalid credentials provided.');
  const user = userForToken(store, credentials.secret);
  if (user === undefined) throw new UnauthorizedError('Invalid credentials provided.');
  return user;
}

function authenticateSession(store: Store, request: FastifyRequest): UserRecord {
  const token = sessionToken(request);
  const user = token === undefined ? undefined : userForToken(store, token);
  if (token === undefined || user === undefined) throw new UnauthorizedError('Invalid credentials provided.');
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers[CSRF_HEADER];
    if (!csrfTokenMatches(token, typeof header === 'string' ? header : undefined)) {
      throw new ForbiddenError('This request needs the session\'s CSRF token in the X-CSRF-Token header.');
    }
  }
  return user;
}
