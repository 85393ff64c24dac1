/**
 * Spaces (Heroku v3): create, list, info, rename, destroy, transfer; NAT (outbound IPs);
 * trusted IP ranges (inbound ruleset); app-creation access; live dynos and topology; and
 * Cove's zones with their failure drill. The API only records desired state: the reconciler
 * moves a space from `allocating` to `allocated` once the runtime reports its network ready.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { SpaceAppAccess, SpaceDynos, SpaceTopology, Zone } from '@cove/schema';
import { spaceAddressing, ZONE_NAMES } from '../../../shared/space-addressing.js';
import { ForbiddenError, InvalidParamsError, NotFoundError, UnprocessableError } from '../../../shared/errors.js';
import type { SpaceRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/sqlite/sqlite-store.js';
import { adminSpace, requireTeamAdmin, SPACE_PERMISSIONS, teamRole, visibleSpace, visibleTeam } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { regionRef } from '../refs.js';
import { serializeDyno } from '../formation/serialize-dyno.js';
import { validateSpaceName } from '../names.js';
import { defaultDataCidr, DEFAULT_CIDR, validateDataCidr, validateInboundRules, validateSpaceCidr } from './cidr-rules.js';
import { serializeNat, serializeRuleset, serializeSpace } from './serialize.js';
import { insertSpaceDrain, validateDrainUrl } from '../log-drains/routes.js';

type SpaceParams = { Params: { space: string } };

function wantsRegionExpansion(header: string | string[] | undefined): boolean {
  return String(header ?? '').split(',').some((v) => v.trim() === 'region');
}

function freeShortId(store: Store): string {
  for (;;) {
    const id = randomBytes(4).toString('hex');
    if (store.tables.spaces.one('short_id = ?', [id]) === undefined) return id;
  }
}

function touch(store: Store, space: SpaceRecord, patch: Partial<SpaceRecord>): SpaceRecord {
  const updated = { ...space, ...patch, updatedAt: new Date().toISOString() };
  store.tables.spaces.update({ ...patch, updatedAt: updated.updatedAt }, 'id = ?', [space.id]);
  store.changed();
  return updated;
}

function serializeAccess(store: Store, space: SpaceRecord, user: UserRecord): SpaceAppAccess {
  const role = teamRole(store, user, space.teamId) ?? 'viewer';
  const grant = store.tables.spaceMembers.one('space_id = ? AND user_id = ?', [space.id, user.id]);
  const names = role === 'admin' ? Object.keys(SPACE_PERMISSIONS) : grant?.permissions ?? [];
  return {
    space: { id: space.id, name: space.name },
    user: { id: user.id, email: user.email },
    role,
    pending: false,
    permissions: names.map((name) => ({ name, description: SPACE_PERMISSIONS[name as keyof typeof SPACE_PERMISSIONS] ?? name })),
    created_at: grant?.createdAt ?? space.createdAt,
    updated_at: grant?.updatedAt ?? space.updatedAt,
  };
}

export function registerSpaceRoutes(app: ApiServer, { store, options }: ApiContext): void {
  app.post('/spaces', async (request, reply) => {
    const body = bodyObject(request);
    const name = validateSpaceName(body['name']);
    if (body['team'] === undefined) throw new InvalidParamsError('Team is required: a space belongs to a team.');
    if (typeof body['team'] !== 'string') throw new InvalidParamsError('Team must be a team name or id.');
    const team = visibleTeam(store, request.user, body['team']);
    requireTeamAdmin(store, request.user, team, 'create spaces');
    const region = body['region'] ?? options.region;
    if (region !== options.region && region !== regionRef(options.region).id) throw new NotFoundError('region', String(region));
    if (body['generation'] !== undefined && body['generation'] !== 'cedar') {
      throw new InvalidParamsError(`Generation "${String(body['generation'])}" is not supported: Cove spaces are cedar spaces.`);
    }
    const cidr = body['cidr'] === undefined ? DEFAULT_CIDR : validateSpaceCidr(body['cidr']);
    const dataCidr = body['data_cidr'] === undefined ? defaultDataCidr(cidr) : validateDataCidr(body['data_cidr'], cidr);
    if (body['shield'] !== undefined && typeof body['shield'] !== 'boolean') throw new InvalidParamsError('Shield must be true or false.');
    const logDrainUrl = body['log_drain_url'] === undefined || body['log_drain_url'] === null ? undefined : validateDrainUrl(body['log_drain_url']);
    const space = store.transaction(() => {
      if (store.findSpace(name) !== undefined) throw new InvalidParamsError(`Name ${name} is already taken.`, 'space');
      const now = new Date().toISOString();
      const record: SpaceRecord = {
        id: randomUUID(),
        shortId: freeShortId(store),
        name,
        teamId: team.id,
        region: options.region,
        cidr,
        dataCidr,
        shield: body['shield'] === true,
        state: 'allocating',
        index: store.freeSpaceIndex(),
        outboundIps: [],
        inboundRules: [{ action: 'allow', source: '0.0.0.0/0' }],
        inboundRulesetId: randomUUID(),
        inboundRulesUpdatedAt: now,
        inboundRulesUpdatedBy: request.user.email,
        lastError: null,
        createdAt: now,
        updatedAt: now,
      };
      store.tables.spaces.insert(record);
      for (const zone of ZONE_NAMES) store.tables.spaceZones.insert({ spaceId: record.id, name: zone, healthy: true, updatedAt: now });
      if (logDrainUrl !== undefined) insertSpaceDrain(store, record.id, logDrainUrl);
      return record;
    });
    store.changed();
    return reply.status(201).send(serializeSpace(store, space, false));
  });

  app.get('/spaces', async (request) =>
    store.tables.spaces
      .select('', [], 'ORDER BY name')
      .filter((s) => teamRole(store, request.user, s.teamId) !== null)
      .map((s) => serializeSpace(store, s, wantsRegionExpansion(request.headers['accept-expansion']))),
  );

  app.get<SpaceParams>('/spaces/:space', async (request) =>
    serializeSpace(store, visibleSpace(store, request.user, request.params.space), wantsRegionExpansion(request.headers['accept-expansion'])),
  );

  app.patch<SpaceParams>('/spaces/:space', async (request) => {
    const space = adminSpace(store, request.user, request.params.space, 'rename');
    const body = bodyObject(request);
    for (const key of ['cidr', 'data_cidr', 'region', 'shield']) {
      if (key in body) throw new UnprocessableError(`The ${key} of a space cannot be changed after it is created.`, 'space');
    }
    if (body['name'] === undefined) return serializeSpace(store, space, false);
    const name = validateSpaceName(body['name']);
    const updated = store.transaction(() => {
      const other = store.findSpace(name);
      if (other !== undefined && other.id !== space.id) throw new InvalidParamsError(`Name ${name} is already taken.`, 'space');
      return touch(store, space, { name });
    });
    return serializeSpace(store, updated, false);
  });

  app.delete<SpaceParams>('/spaces/:space', async (request) => {
    const space = adminSpace(store, request.user, request.params.space, 'destroy');
    const updated = store.transaction(() => {
      const apps = store.tables.apps.select('space_id = ?', [space.id]);
      if (apps.length > 0) {
        throw new UnprocessableError(
          `Cannot destroy space ${space.name}: it still has ${apps.length} app(s) (${apps.map((a) => a.name).join(', ')}). Destroy them first.`,
          'space',
        );
      }
      return touch(store, space, { state: 'deleting' });
    });
    return serializeSpace(store, updated, false);
  });

  app.post<SpaceParams>('/spaces/:space/transfer', async (request) => {
    const space = adminSpace(store, request.user, request.params.space, 'transfer');
    const body = bodyObject(request);
    if (typeof body['new_owner'] !== 'string') throw new InvalidParamsError('new_owner must be the name of the team to transfer the space to.');
    const target = visibleTeam(store, request.user, body['new_owner']);
    requireTeamAdmin(store, request.user, target, 'receive spaces');
    const updated = store.transaction(() => {
      store.tables.apps.update({ teamId: target.id, updatedAt: new Date().toISOString() }, 'space_id = ?', [space.id]);
      store.tables.spaceMembers.delete('space_id = ?', [space.id]);
      return touch(store, space, { teamId: target.id });
    });
    return serializeSpace(store, updated, false);
  });

  app.get<SpaceParams>('/spaces/:space/nat', async (request) => serializeNat(visibleSpace(store, request.user, request.params.space)));

  app.get<SpaceParams>('/spaces/:space/inbound-ruleset', async (request) =>
    serializeRuleset(store, visibleSpace(store, request.user, request.params.space)),
  );

  app.put<SpaceParams>('/spaces/:space/inbound-ruleset', async (request) => {
    const space = adminSpace(store, request.user, request.params.space, 'change the trusted IP ranges of');
    const rules = validateInboundRules(bodyObject(request)['rules']);
    const now = new Date().toISOString();
    const updated = touch(store, space, {
      inboundRules: rules,
      inboundRulesetId: randomUUID(),
      inboundRulesUpdatedAt: now,
      inboundRulesUpdatedBy: request.user.email,
    });
    return serializeRuleset(store, updated);
  });

  app.get<SpaceParams>('/spaces/:space/members', async (request) => {
    const space = visibleSpace(store, request.user, request.params.space);
    return store.tables.teamMembers
      .select('team_id = ?', [space.teamId], 'ORDER BY created_at')
      .map((m) => store.tables.users.one('id = ?', [m.userId]))
      .filter((u): u is UserRecord => u !== undefined)
      .map((u) => serializeAccess(store, space, u));
  });

  app.get<{ Params: { space: string; account: string } }>('/spaces/:space/members/:account', async (request) => {
    const space = visibleSpace(store, request.user, request.params.space);
    const user = store.findUser(request.params.account);
    if (user === undefined || teamRole(store, user, space.teamId) === null) throw new NotFoundError('space_member', request.params.account);
    return serializeAccess(store, space, user);
  });

  app.patch<{ Params: { space: string; account: string } }>('/spaces/:space/members/:account', async (request) => {
    const space = adminSpace(store, request.user, request.params.space, 'grant access to');
    const user = store.findUser(request.params.account);
    const role = user === undefined ? null : teamRole(store, user, space.teamId);
    if (user === undefined || role === null) throw new NotFoundError('space_member', request.params.account);
    const raw = bodyObject(request)['permissions'];
    if (!Array.isArray(raw)) throw new InvalidParamsError('Permissions must be an array of {name}.');
    const names = raw.map((p: unknown) => (typeof p === 'string' ? p : (p as { name?: unknown } | null)?.name));
    for (const name of names) {
      if (typeof name !== 'string' || !(name in SPACE_PERMISSIONS)) {
        throw new InvalidParamsError(`Unknown space permission "${String(name)}". Known: ${Object.keys(SPACE_PERMISSIONS).join(', ')}.`);
      }
    }
    if (role === 'viewer' && names.length > 0) {
      throw new UnprocessableError(`${user.email} is a viewer of the team; make them a member before granting app creation.`, 'space');
    }
    const now = new Date().toISOString();
    store.transaction(() => {
      store.tables.spaceMembers.delete('space_id = ? AND user_id = ?', [space.id, user.id]);
      store.tables.spaceMembers.insert({ spaceId: space.id, userId: user.id, permissions: [...new Set(names as string[])], createdAt: now, updatedAt: now });
    });
    return serializeAccess(store, space, user);
  });

  app.get<SpaceParams>('/spaces/:space/dynos', async (request): Promise<SpaceDynos[]> => {
    const space = visibleSpace(store, request.user, request.params.space);
    return store.tables.apps.select('space_id = ?', [space.id], 'ORDER BY name').map((a) => ({
      app_id: a.id,
      app_name: a.name,
      dynos: store.tables.dynos.select('app_id = ?', [a.id], 'ORDER BY type, number').map((d) => serializeDyno(store, a, d, options.region)),
    }));
  });

  app.get<SpaceParams>('/spaces/:space/topology', async (request): Promise<SpaceTopology> => {
    const space = visibleSpace(store, request.user, request.params.space);
    const apps = store.tables.apps.select('space_id = ?', [space.id], 'ORDER BY name');
    let version = Date.parse(space.updatedAt);
    const topology = apps.map((a) => {
      const dynos = store.tables.dynos.select(`app_id = ? AND state = 'up'`, [a.id], 'ORDER BY type, number');
      for (const d of dynos) version = Math.max(version, Date.parse(d.updatedAt));
      const types = [...new Set(dynos.map((d) => d.type))];
      return {
        id: a.id,
        domains: [`${a.name}.${options.domain}`],
        formations: types.map((type) => ({
          process_type: type,
          dynos: dynos
            .filter((d) => d.type === type)
            .map((d) => ({ id: d.id, number: d.number, private_ip: d.privateIp, hostname: `${d.number}.${type}.${a.name}.app.localspace` })),
        })),
      };
    });
    return { version, apps: topology };
  });

  app.get<SpaceParams>('/spaces/:space/zones', async (request): Promise<Zone[]> => {
    const space = visibleSpace(store, request.user, request.params.space);
    return zonesOf(store, space);
  });

  for (const action of ['fail', 'recover'] as const) {
    app.post<{ Params: { space: string; zone: string } }>(`/spaces/:space/zones/:zone/actions/${action}`, async (request) => {
      const space = adminSpace(store, request.user, request.params.space, `${action} a zone of`);
      const zone = store.tables.spaceZones.one('space_id = ? AND name = ?', [space.id, request.params.zone]);
      if (zone === undefined) throw new NotFoundError('zone', request.params.zone);
      if (action === 'fail' && zone.healthy) {
        const healthy = store.tables.spaceZones.select('space_id = ? AND healthy = 1', [space.id]).length;
        if (healthy <= 1) throw new ForbiddenError(`Cannot fail zone ${zone.name}: it is the last healthy zone of space ${space.name}.`, 'zone');
      }
      store.tables.spaceZones.update({ healthy: action === 'recover', updatedAt: new Date().toISOString() }, 'space_id = ? AND name = ?', [space.id, zone.name]);
      store.changed();
      return zonesOf(store, space).find((z) => z.name === zone.name);
    });
  }
}

function zonesOf(store: Store, space: SpaceRecord): Zone[] {
  const addressing = spaceAddressing(space.cidr, space.index);
  const apps = new Map(store.tables.apps.select('space_id = ?', [space.id]).map((a) => [a.id, a.name]));
  const dynos = store.tables.dynos.select('space_id = ?', [space.id], 'ORDER BY name');
  return store.tables.spaceZones.select('space_id = ?', [space.id], 'ORDER BY name').map((z) => ({
    name: z.name,
    healthy: z.healthy,
    subnet: addressing.zones.find((a) => a.name === z.name)?.subnet ?? '',
    dynos: dynos
      .filter((d) => d.zone === z.name)
      .map((d) => ({ app: apps.get(d.appId) ?? d.appId, name: d.name, private_ip: d.privateIp, state: d.state })),
  }));
}
