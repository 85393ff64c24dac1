/**
 * The API factory: a Fastify instance with every Heroku v3 resource Cove serves, kept apart
 * from `listen` so tests and the server decide how it is exposed (fastify's build() pattern).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { BadRequestError, InvalidParamsError, isPlatformError, NotFoundError, PlatformError } from '../../shared/errors.js';
import type { ApiContext } from './api-context.js';
import type { ApiServer } from './api-server.js';
import type { UserRecord } from '../store/records.js';
import { authenticate } from './authenticate.js';
import { registerAccountRoutes } from './accounts/routes.js';
import { registerAppAllowedCallersRoutes } from './app-allowed-callers/routes.js';
import { registerAppInboundRulesetRoutes } from './app-inbound-ruleset/routes.js';
import { registerAppRoutes } from './apps/routes.js';
import { registerCompatRoutes } from './compat/routes.js';
import { registerDashboardRoutes } from './dashboard/routes.js';
import { registerDashboardSessionRoutes } from './dashboard-sessions/routes.js';
import { registerBuildpackInstallationRoutes } from './buildpack-installations/routes.js';
import { registerBuildRoutes } from './builds/routes.js';
import { registerConfigVarRoutes } from './config-vars/routes.js';
import { registerDomainRoutes } from './domains/routes.js';
import { registerDynoRoutes } from './dynos/routes.js';
import { registerFormationRoutes } from './formation/routes.js';
import { registerLogDrainRoutes } from './log-drains/routes.js';
import { registerLogSessionRoutes } from './log-sessions/routes.js';
import { registerGitRoutes } from './git/routes.js';
import { registerReleaseRoutes } from './releases/routes.js';
import { registerSlugRoutes } from './slugs/routes.js';
import { registerSniEndpointRoutes } from './sni-endpoints/routes.js';
import { registerSpaceRoutes } from './spaces/routes.js';
import { registerSpaceNetworkRoutes } from './space-network/routes.js';
import { registerRouterStatsRoutes } from './router-stats/routes.js';
import { registerTeamRoutes } from './teams/routes.js';

export interface ApiLogger {
  error(message: string, error: unknown): void;
}

/** Builds the API. `serverFactory` lets the caller own the HTTP(S) servers. */
export function buildApi(
  ctx: ApiContext,
  options: {
    logger?: ApiLogger;
    serverFactory?: (handler: (req: IncomingMessage, res: ServerResponse) => void) => Server;
  } = {},
): ApiServer {
  const app = Fastify({
    logger: false,
    genReqId: () => randomUUID(),
    // The heroku CLI's Request-Id header grows to ~7 KB.
    routerOptions: { maxParamLength: 500 },
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Body schemas (from @cove/schema) check types only and never rewrite a body: no coercion,
    // no defaults, no removed fields; the domain reads what the client sent.
    // Body schemas leave out `type: 'object'` on purpose: a body that is not an object gets
    // Heroku's own 400 from bodyObject(), not a schema error (so strictTypes would only warn).
    ajv: { customOptions: { coerceTypes: false, useDefaults: false, removeAdditional: false, allowUnionTypes: true, strictTypes: false } },
    ...(options.serverFactory === undefined ? {} : { serverFactory: options.serverFactory }),
  }) as unknown as ApiServer;

  app.decorateRequest('user', null as unknown as UserRecord);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(/^application\/(.+\+)?json/, { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body).trim();
    if (text === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new BadRequestError('Invalid JSON in request body.'), undefined);
    }
  });
  // Anything else (slug tarballs) is handed to the route as a stream.
  app.addContentTypeParser('*', (_req, payload, done) => {
    done(null, payload);
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    void reply.header('Request-Id', request.id);
    if (request.routeOptions.config.public !== true && request.routeOptions.url !== undefined) {
      request.user = authenticate(ctx.store, request);
    }
  });

  app.setErrorHandler((error: unknown, _request, reply) => {
    let platform: PlatformError;
    if (isPlatformError(error)) {
      platform = error;
    } else if (isBodyValidationError(error)) {
      platform = new InvalidParamsError(fieldMessage(_request.routeOptions.schema?.body, error.validation[0]?.schemaPath) ?? error.message);
    } else if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode < 500) {
      platform =
        error.statusCode === 413
          ? new PlatformError('payload_too_large', 'Request body is too large.')
          : new BadRequestError(error.message);
    } else {
      options.logger?.error('API request failed', error);
      platform = new PlatformError('internal_server_error', 'Internal server error.');
    }
    void reply.status(platform.status).type('application/json').send(platform.toBody());
  });

  app.setNotFoundHandler((_request, reply) => {
    const error = new PlatformError(
      'not_found',
      'The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET` vs. `POST`), and did you specify your intended version with the `Accept` header?',
    );
    void reply.status(404).type('application/json').send(error.toBody());
  });

  registerAccountRoutes(app, ctx);
  registerTeamRoutes(app, ctx);
  registerSpaceRoutes(app, ctx);
  registerSpaceNetworkRoutes(app, ctx);
  registerAppRoutes(app, ctx);
  registerConfigVarRoutes(app, ctx);
  registerFormationRoutes(app, ctx);
  registerDynoRoutes(app, ctx);
  registerReleaseRoutes(app, ctx);
  registerSlugRoutes(app, ctx);
  registerDomainRoutes(app, ctx);
  registerSniEndpointRoutes(app, ctx);
  registerAppInboundRulesetRoutes(app, ctx);
  registerAppAllowedCallersRoutes(app, ctx);
  registerCompatRoutes(app, ctx);
  registerLogSessionRoutes(app, ctx);
  registerRouterStatsRoutes(app, ctx);
  registerLogDrainRoutes(app, ctx);
  registerGitRoutes(app, ctx);
  registerBuildRoutes(app, ctx);
  registerBuildpackInstallationRoutes(app, ctx);
  registerDashboardSessionRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  return app;
}

function isBodyValidationError(error: unknown): error is { validation: { schemaPath?: string }[]; validationContext: string; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    Array.isArray((error as { validation?: unknown }).validation) &&
    (error as { validationContext?: unknown }).validationContext === 'body'
  );
}

/**
 * The `invalid_params` message for a field of the wrong type: the `description` of the field's
 * schema (see @cove/schema's request-bodies.ts), found from the failing keyword's schema path
 * (`#/properties/rules/items/type` → the schema at `#/properties/rules/items`).
 */
function fieldMessage(schema: unknown, schemaPath: string | undefined): string | undefined {
  if (schemaPath === undefined) return undefined;
  let node: unknown = schema;
  for (const key of schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  const description = typeof node === 'object' && node !== null ? (node as { description?: unknown }).description : undefined;
  return typeof description === 'string' ? description : undefined;
}

function isFastifyError(error: unknown): error is { statusCode?: number; message: string; code?: string } {
  return typeof error === 'object' && error !== null && 'message' in error;
}
