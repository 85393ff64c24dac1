/**
 * The dashboard's session cookie: `cove_session=<session key>; HttpOnly; SameSite=Strict; Path=/`,
 * `Secure` when the request came over HTTPS (the API's port speaks both).
 */
import type { FastifyRequest } from 'fastify';
import { SESSION_TTL_SECONDS } from '../domain/dashboard-sessions.js';

export const SESSION_COOKIE = 'cove_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The session key the request's cookie carries, if any. */
export function sessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/** True when the request reached the API over TLS. */
export function overTls(request: FastifyRequest): boolean {
  return (request.raw.socket as { encrypted?: boolean }).encrypted === true;
}

/** The Set-Cookie value that starts a session (token) or ends it (null). */
export function sessionCookie(request: FastifyRequest, token: string | null): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${token === null ? 0 : SESSION_TTL_SECONDS}`];
  if (overTls(request)) attributes.push('Secure');
  return [`${SESSION_COOKIE}=${token ?? ''}`, ...attributes].join('; ');
}
