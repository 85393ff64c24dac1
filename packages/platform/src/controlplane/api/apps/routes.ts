/**
 * Apps: `POST /apps` (personal) and `POST /teams/apps` (team or space), list (`/apps`,
 * `/users/~/apps`, `/teams/:team/apps`), info by name or id, rename, destroy. Internal
 * routing needs a space and is chosen at creation only.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, InvalidParamsError, NotFoundError, UnprocessableError } from '../../../shared/errors.js';
import type { AppRecord, SpaceRecord, TeamRecord } from '../../store/records.js';
import { canCreateAppInSpace, canViewApp, manageableApp, requireTeamAdmin, teamRole, visibleApp, visibleSpace, visibleTeam } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { generateAppName, validateAppName } from '../names.js';
import { regionRef } from '../refs.js';
import { createRelease } from '../releases/create-release.js';
import { serializeApp } from './serialize.js';

const STACKS = ['heroku-24', 'heroku-22'];
const DEFAULT_STACK = 'heroku-24';

type AppParams = { Params: { app: string } };

export function registerAppRoutes(app: ApiServer, ctx: ApiContext): void {
  const { store, options } = ctx;

  const create = async (request: FastifyRequest, reply: FastifyReply, teamEndpoint: boolean): Promise<unknown> => {
    const body = bodyObject(request);
    const user = request.user;
    let space: SpaceRecord | undefined;
    let team: TeamRecord | undefined;
    if (body['space'] !== undefined && body['space'] !== null) {
      if (typeof body['space'] !== 'string') throw new InvalidParamsError('Space must be a space name or id.');
      space = visibleSpace(store, user, body['space']);
      if (space.state === 'deleting') throw new UnprocessableError(`Space ${space.name} is being destroyed.`, 'space');
      team = store.tables.teams.one('id = ?', [space.teamId]);
    }
    const teamName = body['team'] ?? body['organization'];
    if (teamEndpoint && teamName !== undefined && teamName !== null) {
      if (typeof teamName !== 'string') throw new InvalidParamsError('Team must be a team name or id.');
      const named = visibleTeam(store, user, teamName);
      if (team !== undefined && team.id !== named.id) {
        throw new InvalidParamsError(`Space ${space?.name ?? ''} belongs to team ${team.name}, not ${named.name}.`);
      }
      team = named;
    }
    const internal = body['internal_routing'];
    if (internal !== undefined && internal !== null && typeof internal !== 'boolean') {
      throw new InvalidParamsError('internal_routing must be true or false.');
    }
    if (internal === true && space === undefined) {
      throw new InvalidParamsError('Internal routing is only available for apps in a Private Space: pass a space.');
    }
    if (space !== undefined && !canCreateAppInSpace(store, user, space)) {
      throw new ForbiddenError(`You do not have permission to create apps in space ${space.name}. Ask a team admin to grant you app creation access.`, 'space');
    }
    if (space === undefined && team !== undefined) {
      const role = teamRole(store, user, team.id);
      if (role !== 'admin' && role !== 'member') throw new ForbiddenError(`Viewers cannot create apps in team ${team.name}.`, 'team');
    }
    const region = body['region'] ?? options.region;
    if (region !== options.region && region !== regionRef(options.region).id) throw new NotFoundError('region', String(region));
    const stack = body['stack'] ?? DEFAULT_STACK;
    if (typeof stack !== 'string' || !STACKS.includes(stack)) {
      throw new InvalidParamsError(`Stack "${String(stack)}" is not available. Available stacks: ${STACKS.join(', ')}.`);
    }
    const explicitName = body['name'] !== undefined && body['name'] !== null;
    const name = explicitName ? validateAppName(body['name']) : undefined;
    const record = store.transaction(() => {
      let chosen = name;
      if (chosen === undefined) {
        do chosen = generateAppName();
        while (store.findApp(chosen) !== undefined);
      } else if (store.findApp(chosen) !== undefined) {
        throw new InvalidParamsError(`Name ${chosen} is already taken`, 'app');
      }
      const now = new Date().toISOString();
      const rec: AppRecord = {
        id: randomUUID(),
        name: chosen,
        ownerId: user.id,
        teamId: team?.id ?? null,
        spaceId: space?.id ?? null,
        region: options.region,
        internalRouting: space === undefined ? null : internal === true,
        maintenance: false,
        stack,
        buildpackDescription: null,
        config: {},
        createdAt: now,
        updatedAt: now,
        releasedAt: null,
      };
      store.tables.apps.insert(rec);
      createRelease(store, rec, user, { description: 'Initial release', slugId: null, config: {} });
      return rec;
    });
    return reply.status(201).send(serializeApp(store, record, options));
  };

  app.post('/apps', async (request, reply) => create(request, reply, false));
  app.post('/teams/apps', async (request, reply) => create(request, reply, true));
  app.post('/organizations/apps', async (request, reply) => create(request, reply, true));

  const list = (filter: (a: AppRecord) => boolean) => (request: FastifyRequest) =>
    store.tables.apps
      .select('', [], 'ORDER BY name')
      .filter((a) => canViewApp(store, request.user, a) && filter(a))
      .map((a) => serializeApp(store, a, options));

  app.get('/apps', async (request) => list(() => true)(request));
  app.get('/users/~/apps', async (request) =>
    list((a) => a.ownerId === request.user.id || (a.teamId !== null && teamRole(store, request.user, a.teamId) !== null))(request),
  );
  app.get<{ Params: { team: string } }>('/teams/:team/apps', async (request) => {
    const team = visibleTeam(store, request.user, request.params.team);
    return list((a) => a.teamId === team.id)(request);
  });
  app.get<{ Params: { space: string } }>('/spaces/:space/apps', async (request) => {
    const space = visibleSpace(store, request.user, request.params.space);
    return list((a) => a.spaceId === space.id)(request);
  });

  app.get<AppParams>('/apps/:app', async (request) => serializeApp(store, visibleApp(store, request.user, request.params.app), options));
  app.get<AppParams>('/teams/apps/:app', async (request) => serializeApp(store, visibleApp(store, request.user, request.params.app), options));

  const update = async (request: FastifyRequest<AppParams>): Promise<unknown> => {
    const record = manageableApp(store, request.user, request.params.app);
    const body = bodyObject(request);
    if ('internal_routing' in body && body['internal_routing'] !== (record.spaceId === null ? null : record.internalRouting)) {
      throw new UnprocessableError('Internal routing can only be chosen when an app is created: create a new app to change it.', 'app');
    }
    if ('space' in body || 'region' in body) throw new UnprocessableError('The space and region of an app cannot be changed.', 'app');
    const patch: Partial<AppRecord> = {};
    if (body['name'] !== undefined) patch.name = validateAppName(body['name']);
    if (body['maintenance'] !== undefined) {
      if (typeof body['maintenance'] !== 'boolean') throw new InvalidParamsError('maintenance must be true or false.');
      patch.maintenance = body['maintenance'];
    }
    if (body['build_stack'] !== undefined) {
      const stack = body['build_stack'];
      if (typeof stack !== 'string' || !STACKS.includes(stack)) throw new InvalidParamsError(`Stack "${String(stack)}" is not available.`);
      patch.stack = stack;
    }
    const updated = store.transaction(() => {
      if (patch.name !== undefined && patch.name !== record.name && store.findApp(patch.name) !== undefined) {
        throw new InvalidParamsError(`Name ${patch.name} is already taken`, 'app');
      }
      const now = new Date().toISOString();
      store.tables.apps.update({ ...patch, updatedAt: now }, 'id = ?', [record.id]);
      return { ...record, ...patch, updatedAt: now };
    });
    store.changed();
    return serializeApp(store, updated, options);
  };
  app.patch<AppParams>('/apps/:app', update);
  app.patch<AppParams>('/teams/apps/:app', update);

  app.delete<AppParams>('/apps/:app', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    if (record.teamId !== null && record.ownerId !== request.user.id) {
      const team = store.tables.teams.one('id = ?', [record.teamId]);
      if (team !== undefined) requireTeamAdmin(store, request.user, team, 'destroy apps you do not own');
    }
    const body = serializeApp(store, record, options);
    store.transaction(() => {
      store.tables.apps.delete('id = ?', [record.id]);
      store.deleteLogs(record.id);
    });
    store.changed();
    return body;
  });
}
