/**
 * Cove's dashboard sessions: `POST /dashboard/session` signs in (email and password, or an API
 * key) and sets the session cookie; `GET /dashboard/session` tells the page who is signed in and
 * its CSRF token; `DELETE /dashboard/session` signs out (revokes the session's key, clears the
 * cookie).
 */
import { serializeAccount } from '../accounts/routes.js';
import { UnauthorizedError } from '../../../shared/errors.js';
import { csrfTokenFor, endSession, startSession } from '../../domain/dashboard-sessions.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../api-server.js';
import { sessionCookie, sessionToken } from '../session-cookie.js';

export function registerDashboardSessionRoutes(app: ApiServer, { store }: ApiContext): void {
  app.post('/dashboard/session', { config: { public: true } }, async (request, reply) => {
    const body = bodyObject(request);
    const { user, token, csrfToken } = startSession(store, { email: body['email'], password: body['password'], apiKey: body['api_key'] });
    void reply.header('Set-Cookie', sessionCookie(request, token));
    return reply.status(201).send({ account: { ...serializeAccount(user), server_admin: user.serverAdmin }, csrf_token: csrfToken });
  });

  app.get('/dashboard/session', async (request) => {
    const token = sessionToken(request);
    // A Bearer caller has no session to describe.
    if (token === undefined || request.headers.authorization !== undefined) throw new UnauthorizedError('No dashboard session.');
    return { account: { ...serializeAccount(request.user), server_admin: request.user.serverAdmin }, csrf_token: csrfTokenFor(token) };
  });

  app.delete('/dashboard/session', async (request, reply) => {
    const token = sessionToken(request);
    if (token !== undefined && request.headers.authorization === undefined) endSession(store, token);
    void reply.header('Set-Cookie', sessionCookie(request, null));
    return reply.status(204).send();
  });
}
