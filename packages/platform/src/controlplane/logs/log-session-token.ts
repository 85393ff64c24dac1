/**
 * Log session credentials. The heroku CLI opens a session's `logplex_url` with no
 * Authorization header, so the URL carries its own credential: the session's parameters and
 * expiry, signed with a key only the server has (HMAC-SHA256). Nothing is stored per session,
 * so a tail reconnecting after a server restart (with `Last-Event-ID`) still gets in until the
 * session expires, and a token can never be bent to another app or filter.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LogFilter } from './log-filter.js';

export interface LogSession extends LogFilter {
  readonly id: string;
  readonly appId: string;
  /** Lines of history to send first. */
  readonly lines: number;
  /** Keep the stream open for new lines. */
  readonly tail: boolean;
  /** Epoch ms after which the URL no longer works and an open stream ends. */
  readonly expiresAt: number;
}

/** Derives the session-signing key from the server's secret (never the secret itself). */
export function logSessionKey(serverSecret: Buffer): Buffer {
  return createHmac('sha256', serverSecret).update('cove log sessions v1').digest();
}

export function signLogSession(key: Buffer, session: LogSession): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

/** Why a token was refused; the stream route maps these to 403 and 404. */
export type LogSessionRefusal = 'invalid' | 'expired';

/** The session a token names, or why it is refused. Checks the signature before parsing. */
export function verifyLogSession(key: Buffer, token: string, now: number): LogSession | LogSessionRefusal {
  const dot = token.indexOf('.');
  if (dot <= 0) return 'invalid';
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = createHmac('sha256', key).update(payload).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  let session: LogSession;
  try {
    session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LogSession;
  } catch {
    return 'invalid';
  }
  if (typeof session.expiresAt !== 'number' || now >= session.expiresAt) return 'expired';
  return session;
}
