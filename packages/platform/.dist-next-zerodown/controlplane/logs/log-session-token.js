/**
 * Log session credentials. The heroku CLI opens a session's `logplex_url` with no
 * Authorization header, so the URL carries its own credential: the session's parameters and
 * expiry, signed with a key only the server has (HMAC-SHA256). Nothing is stored per session,
 * so a tail reconnecting after a server restart (with `Last-Event-ID`) still gets in until the
 * session expires, and a token can never be bent to another app or filter.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
/** Derives the session-signing key from the server's secret (never the secret itself). */
export function logSessionKey(serverSecret) {
    return createHmac('sha256', serverSecret).update('cove log sessions v1').digest();
}
export function signLogSession(key, session) {
    const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
    return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}
/** The session a token names, or why it is refused. Checks the signature before parsing. */
export function verifyLogSession(key, token, now) {
    const dot = token.indexOf('.');
    if (dot <= 0)
        return 'invalid';
    const payload = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = createHmac('sha256', key).update(payload).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return 'invalid';
    let session;
    try {
        session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    }
    catch {
        return 'invalid';
    }
    if (typeof session.expiresAt !== 'number' || now >= session.expiresAt)
        return 'expired';
    return session;
}
//# sourceMappingURL=log-session-token.js.map