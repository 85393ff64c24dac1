/**
 * Accounts and API keys: `GET /account`, `POST/GET/DELETE /oauth/authorizations` (so
 * `heroku login -i` works: Basic email:password, where the password may also be an API key),
 * `GET /regions`, and Cove's `POST /users` for the server admin to create accounts.
 */
import { userCreateBodySchema } from '@cove/schema';
import { NotFoundError } from '../../../shared/errors.js';
import { createAccount, liveAuthorization, logIn, revokeAuthorization, userForLogin } from '../../domain/accounts.js';
import { readCredentials } from '../authenticate.js';
import { bodyObject } from '../api-server.js';
import { regionObject } from '../refs.js';
export function serializeAccount(user) {
    return {
        id: user.id,
        email: user.email,
        name: user.name,
        verified: true,
        federated: false,
        two_factor_authentication: false,
        beta: false,
        allow_tracking: false,
        default_organization: null,
        default_team: null,
        last_login: user.lastLogin,
        suspended_at: null,
        delinquent_at: null,
        created_at: user.createdAt,
        updated_at: user.updatedAt,
    };
}
function serializeAuthorization(auth, user, token) {
    const expiresIn = auth.expiresAt === null ? null : Math.max(0, Math.round((Date.parse(auth.expiresAt) - Date.now()) / 1000));
    return {
        id: auth.id,
        description: auth.description,
        scope: auth.scope,
        access_token: { id: auth.id, ...(token === undefined ? {} : { token }), expires_in: expiresIn },
        user: { id: user.id, email: user.email, full_name: user.name },
        created_at: auth.createdAt,
        updated_at: auth.updatedAt,
    };
}
export function registerAccountRoutes(app, { store, options }) {
    app.get('/account', async (request) => serializeAccount(request.user));
    app.get('/users/~', async (request) => serializeAccount(request.user));
    app.post('/oauth/authorizations', { config: { public: true } }, async (request, reply) => {
        const credentials = readCredentials(request);
        const user = userForLogin(store, credentials === null
            ? null
            : credentials.scheme === 'basic'
                ? { scheme: 'basic', user: credentials.user ?? '', secret: credentials.secret }
                : { scheme: 'bearer', secret: credentials.secret });
        const body = bodyObject(request);
        const description = typeof body['description'] === 'string' ? body['description'] : 'API key';
        const expiresIn = typeof body['expires_in'] === 'number' && body['expires_in'] > 0 ? body['expires_in'] : null;
        const { record, token } = logIn(store, user, { description, expiresIn });
        return reply.status(201).send(serializeAuthorization(record, user, token));
    });
    app.get('/oauth/authorizations', async (request) => store.accounts.liveAuthorizations(request.user.id).map((a) => serializeAuthorization(a, request.user)));
    app.get('/oauth/authorizations/:id', async (request) => serializeAuthorization(liveAuthorization(store, request.user, request.params.id), request.user));
    app.delete('/oauth/authorizations/:id', async (request) => serializeAuthorization(revokeAuthorization(store, request.user, request.params.id), request.user));
    app.post('/users', { schema: { body: userCreateBodySchema } }, async (request, reply) => {
        const body = bodyObject(request);
        const { user, token } = createAccount(store, request.user, { email: body['email'], password: body['password'] });
        return reply.status(201).send({ ...serializeAccount(user), api_key: token });
    });
    app.get('/regions', async () => [regionObject(options.region)]);
    app.get('/regions/:region', async (request) => {
        const region = regionObject(options.region);
        if (request.params.region !== region.name && request.params.region !== region.id) {
            throw new NotFoundError('region', request.params.region);
        }
        return region;
    });
}
//# sourceMappingURL=routes.js.map