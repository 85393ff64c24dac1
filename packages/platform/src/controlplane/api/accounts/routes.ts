/**
 * Accounts and API keys: `GET /account`, `POST/GET/DELETE /oauth/authorizations` (so
 * `heroku login -i` works: Basic email:password, where the password may also be an API key),
 * `GET /regions`, and Cove's `POST /users` for the server admin to create accounts.
 */
import { randomUUID } from 'node:crypto';
import type { Account, Authorization } from '@cove/schema';
import { ForbiddenError, InvalidParamsError, NotFoundError, UnauthorizedError } from '../../../shared/errors.js';
import type { AuthorizationRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/sqlite/sqlite-store.js';
import type { ApiContext } from '../api-context.js';
import { readCredentials, userForToken } from '../authenticate.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { regionObject } from '../refs.js';
import { generateToken, hashPassword, hashToken, verifyPassword } from '../tokens.js';

export function serializeAccount(user: UserRecord): Account {
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

function serializeAuthorization(auth: AuthorizationRecord, user: UserRecord, token?: string): Authorization {
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

/** Creates an authorization (API key) for a user; returns it and the clear token once. */
export function issueToken(
  store: Store,
  user: UserRecord,
  description: string,
  options: { token?: string; expiresIn?: number | null; scope?: string[] } = {},
): { record: AuthorizationRecord; token: string } {
  const now = new Date().toISOString();
  const token = options.token ?? generateToken();
  const record: AuthorizationRecord = {
    id: randomUUID(),
    userId: user.id,
    tokenHash: hashToken(token),
    description,
    scope: options.scope ?? ['global'],
    expiresAt:
      options.expiresIn === undefined || options.expiresIn === null
        ? null
        : new Date(Date.now() + options.expiresIn * 1000).toISOString(),
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  store.tables.authorizations.insert(record);
  return { record, token };
}

/** Creates an account; `serverAdmin` only for the first one. */
export function createUser(store: Store, email: string, options: { password?: string; serverAdmin?: boolean } = {}): UserRecord {
  const now = new Date().toISOString();
  return store.tables.users.insert({
    id: randomUUID(),
    email: email.toLowerCase(),
    name: null,
    passwordHash: options.password === undefined ? null : hashPassword(options.password),
    serverAdmin: options.serverAdmin ?? false,
    createdAt: now,
    updatedAt: now,
    lastLogin: null,
  });
}

export function validEmail(value: unknown): string {
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.?[^\s@]*$/.test(value) || value.length > 254) {
    throw new InvalidParamsError('Email must be a valid email address.');
  }
  return value.toLowerCase();
}

export function registerAccountRoutes(app: ApiServer, { store, options }: ApiContext): void {
  app.get('/account', async (request) => serializeAccount(request.user));
  app.get('/users/~', async (request) => serializeAccount(request.user));

  app.post('/oauth/authorizations', { config: { public: true } }, async (request, reply) => {
    const credentials = readCredentials(request);
    let user: UserRecord | undefined;
    if (credentials?.scheme === 'basic') {
      const candidate = store.findUser(credentials.user ?? '');
      const byPassword =
        candidate?.passwordHash !== null && candidate !== undefined && verifyPassword(credentials.secret, candidate.passwordHash ?? '');
      const byToken = candidate !== undefined && userForToken(store, credentials.secret)?.id === candidate.id;
      if (byPassword || byToken) user = candidate;
    } else if (credentials?.scheme === 'bearer') {
      user = userForToken(store, credentials.secret);
    }
    if (user === undefined) throw new UnauthorizedError('Invalid credentials provided.');
    const body = bodyObject(request);
    const description = typeof body['description'] === 'string' ? body['description'] : 'API key';
    const expiresIn = typeof body['expires_in'] === 'number' && body['expires_in'] > 0 ? body['expires_in'] : null;
    const now = new Date().toISOString();
    store.tables.users.update({ lastLogin: now }, 'id = ?', [user.id]);
    const { record, token } = issueToken(store, user, description, { expiresIn });
    return reply.status(201).send(serializeAuthorization(record, user, token));
  });

  app.get('/oauth/authorizations', async (request) =>
    store.tables.authorizations
      .select('user_id = ? AND revoked_at IS NULL', [request.user.id], 'ORDER BY created_at')
      .map((a) => serializeAuthorization(a, request.user)),
  );

  app.get<{ Params: { id: string } }>('/oauth/authorizations/:id', async (request) => {
    const auth = store.tables.authorizations.one('id = ? AND user_id = ? AND revoked_at IS NULL', [request.params.id, request.user.id]);
    if (auth === undefined) throw new NotFoundError('authorization', request.params.id);
    return serializeAuthorization(auth, request.user);
  });

  app.delete<{ Params: { id: string } }>('/oauth/authorizations/:id', async (request) => {
    const auth = store.tables.authorizations.one('id = ? AND user_id = ? AND revoked_at IS NULL', [request.params.id, request.user.id]);
    if (auth === undefined) throw new NotFoundError('authorization', request.params.id);
    const now = new Date().toISOString();
    store.tables.authorizations.update({ revokedAt: now, updatedAt: now }, 'id = ?', [auth.id]);
    return serializeAuthorization(auth, request.user);
  });

  app.post('/users', async (request, reply) => {
    if (!request.user.serverAdmin) throw new ForbiddenError('Only the server admin can create accounts.', 'user');
    const body = bodyObject(request);
    const email = validEmail(body['email']);
    const password = body['password'];
    if (password !== undefined && (typeof password !== 'string' || password.length < 8)) {
      throw new InvalidParamsError('Password must be a string of at least 8 characters.');
    }
    const user = store.transaction(() => {
      const existing = store.findUser(email);
      if (existing !== undefined) {
        if (existing.passwordHash !== null || store.tables.authorizations.one('user_id = ?', [existing.id]) !== undefined) {
          throw new InvalidParamsError(`An account with email ${email} already exists.`, 'user');
        }
        if (typeof password === 'string') {
          store.tables.users.update({ passwordHash: hashPassword(password), updatedAt: new Date().toISOString() }, 'id = ?', [existing.id]);
        }
        return existing;
      }
      return createUser(store, email, typeof password === 'string' ? { password } : {});
    });
    const { token } = issueToken(store, user, 'Created by the server admin');
    return reply.status(201).send({ ...serializeAccount(user), api_key: token });
  });

  app.get('/regions', async () => [regionObject(options.region)]);
  app.get<{ Params: { region: string } }>('/regions/:region', async (request) => {
    const region = regionObject(options.region);
    if (request.params.region !== region.name && request.params.region !== region.id) {
      throw new NotFoundError('region', request.params.region);
    }
    return region;
  });
}
