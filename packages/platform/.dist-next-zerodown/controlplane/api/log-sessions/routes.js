/**
 * Log sessions: `POST /apps/:app/log-sessions` (`lines`, `tail`, `dyno`, `source`) returns a
 * `logplex_url` on this same listener that carries a signed, expiring credential, because the
 * heroku CLI opens it without Authorization. `GET /apps/:app_id/log-stream?token=…` serves it
 * as Server-Sent Events; a token works only for the app it was made for, and only until it
 * expires (403 and 404 then, which the CLI reports as "Log stream timed out").
 */
import { logSessionCreateBodySchema } from '@cove/schema';
import { randomUUID } from 'node:crypto';
import { ForbiddenError, InvalidParamsError, NotFoundError } from '../../../shared/errors.js';
import { logSessionKey, signLogSession, verifyLogSession } from '../../logs/log-session-token.js';
import { serveLogStream } from '../../logs/log-stream.js';
import { LOG_LINES_PER_APP } from '../../store/store.js';
import { visibleApp } from '../../domain/access.js';
import { bodyObject } from '../api-server.js';
/** How long a non-tail session's URL works: long enough to be opened once. */
const DUMP_SESSION_MS = 5 * 60_000;
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
function optionalString(body, field) {
    const value = body[field];
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value !== 'string')
        throw new InvalidParamsError(`${field} must be a string.`);
    return value;
}
function parseLines(value) {
    if (value === undefined || value === null)
        return 100;
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
        throw new InvalidParamsError('lines must be a whole number of lines.');
    return Math.min(n, LOG_LINES_PER_APP);
}
/** The address the caller reached us on, so the stream URL works from where it is. */
function baseUrl(request, fallback) {
    const host = request.headers.host;
    if (host === undefined || !HOST.test(host))
        return fallback;
    return `${request.protocol}://${host}`;
}
export function registerLogSessionRoutes(app, { store, options }) {
    const key = logSessionKey(options.blobKey);
    app.post('/apps/:app/log-sessions', { schema: { body: logSessionCreateBodySchema } }, async (request, reply) => {
        const record = visibleApp(store, request.user, request.params.app);
        const body = bodyObject(request);
        const tail = body['tail'] === true || body['tail'] === 'true';
        const now = Date.now();
        const dyno = optionalString(body, 'dyno') ?? optionalString(body, 'type');
        const source = optionalString(body, 'source');
        const session = {
            id: randomUUID(),
            appId: record.id,
            lines: parseLines(body['lines']),
            tail,
            ...(dyno === undefined ? {} : { dyno }),
            ...(source === undefined ? {} : { source }),
            expiresAt: now + (tail ? options.logSessionTtlMs : Math.min(options.logSessionTtlMs, DUMP_SESSION_MS)),
        };
        const url = `${baseUrl(request, options.gitBaseUrl)}/apps/${record.id}/log-stream?token=${signLogSession(key, session)}`;
        const created = new Date(now).toISOString();
        return reply.status(201).send({ id: session.id, logplex_url: url, created_at: created, updated_at: created });
    });
    app.get('/apps/:app/log-stream', { config: { public: true } }, async (request, reply) => {
        const session = verifyLogSession(key, request.query.token ?? '', Date.now());
        if (session === 'invalid')
            throw new ForbiddenError('This log session URL is not valid.');
        if (session === 'expired')
            throw new NotFoundError('log session');
        if (session.appId !== request.params.app)
            throw new ForbiddenError('This log session URL is for another app.');
        if (store.apps.byId(session.appId) === undefined)
            throw new NotFoundError('app', session.appId);
        const header = request.headers['last-event-id'];
        const lastEventId = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : null;
        reply.hijack();
        serveLogStream(store, reply.raw, session, lastEventId);
    });
}
//# sourceMappingURL=routes.js.map