/**
 * Spaces (Heroku v3): create, list, info, rename, destroy, transfer; NAT (outbound IPs);
 * trusted IP ranges (inbound ruleset); app-creation access; live dynos and topology; and
 * Cove's zones with their failure drill. The API only records desired state: the reconciler
 * moves a space from `allocating` to `allocated` once the runtime reports its network ready.
 */
import { inboundRulesetBodySchema, spaceAccessBodySchema, spaceCreateBodySchema, spaceTransferBodySchema, spaceUpdateBodySchema } from '@cove/schema';
import { spaceAddressing } from '../../../shared/space-addressing.js';
import { NotFoundError } from '../../../shared/errors.js';
import { SPACE_PERMISSIONS, teamRole, visibleSpace } from '../../domain/access.js';
import { createSpace, destroySpace, setInboundRuleset, setSpaceAccess, setZoneHealth, transferSpace, updateSpace } from '../../domain/spaces.js';
import { bodyObject } from '../api-server.js';
import { serializeDyno } from '../formation/serialize-dyno.js';
import { serializeNat, serializeRuleset, serializeSpace } from './serialize.js';
function wantsRegionExpansion(header) {
    return String(header ?? '').split(',').some((v) => v.trim() === 'region');
}
function serializeAccess(store, space, user) {
    const role = teamRole(store, user, space.teamId) ?? 'viewer';
    const grant = store.spaces.grant(space.id, user.id);
    const names = role === 'admin' ? Object.keys(SPACE_PERMISSIONS) : grant?.permissions ?? [];
    return {
        space: { id: space.id, name: space.name },
        user: { id: user.id, email: user.email },
        role,
        pending: false,
        permissions: names.map((name) => ({ name, description: SPACE_PERMISSIONS[name] ?? name })),
        created_at: grant?.createdAt ?? space.createdAt,
        updated_at: grant?.updatedAt ?? space.updatedAt,
    };
}
export function registerSpaceRoutes(app, { store, options }) {
    app.post('/spaces', { schema: { body: spaceCreateBodySchema } }, async (request, reply) => {
        const space = createSpace(store, request.user, bodyObject(request), options);
        return reply.status(201).send(serializeSpace(store, space, false));
    });
    app.get('/spaces', async (request) => store.spaces
        .list()
        .filter((s) => teamRole(store, request.user, s.teamId) !== null)
        .map((s) => serializeSpace(store, s, wantsRegionExpansion(request.headers['accept-expansion']))));
    app.get('/spaces/:space', async (request) => serializeSpace(store, visibleSpace(store, request.user, request.params.space), wantsRegionExpansion(request.headers['accept-expansion'])));
    app.patch('/spaces/:space', { schema: { body: spaceUpdateBodySchema } }, async (request) => serializeSpace(store, updateSpace(store, request.user, request.params.space, bodyObject(request)), false));
    app.delete('/spaces/:space', async (request) => serializeSpace(store, destroySpace(store, request.user, request.params.space), false));
    app.post('/spaces/:space/transfer', { schema: { body: spaceTransferBodySchema } }, async (request) => serializeSpace(store, transferSpace(store, request.user, request.params.space, bodyObject(request)), false));
    app.get('/spaces/:space/nat', async (request) => serializeNat(visibleSpace(store, request.user, request.params.space)));
    app.get('/spaces/:space/inbound-ruleset', async (request) => serializeRuleset(store, visibleSpace(store, request.user, request.params.space)));
    app.put('/spaces/:space/inbound-ruleset', { schema: { body: inboundRulesetBodySchema } }, async (request) => serializeRuleset(store, setInboundRuleset(store, request.user, request.params.space, bodyObject(request))));
    app.get('/spaces/:space/members', async (request) => {
        const space = visibleSpace(store, request.user, request.params.space);
        return store.teams
            .members(space.teamId)
            .map((m) => store.accounts.byId(m.userId))
            .filter((u) => u !== undefined)
            .map((u) => serializeAccess(store, space, u));
    });
    app.get('/spaces/:space/members/:account', async (request) => {
        const space = visibleSpace(store, request.user, request.params.space);
        const user = store.accounts.byEmailOrId(request.params.account);
        if (user === undefined || teamRole(store, user, space.teamId) === null)
            throw new NotFoundError('space_member', request.params.account);
        return serializeAccess(store, space, user);
    });
    app.patch('/spaces/:space/members/:account', { schema: { body: spaceAccessBodySchema } }, async (request) => {
        const { space, user } = setSpaceAccess(store, request.user, request.params.space, request.params.account, bodyObject(request));
        return serializeAccess(store, space, user);
    });
    app.get('/spaces/:space/dynos', async (request) => {
        const space = visibleSpace(store, request.user, request.params.space);
        return store.apps.inSpace(space.id).map((a) => ({
            app_id: a.id,
            app_name: a.name,
            dynos: store.dynos.ofApp(a.id).map((d) => serializeDyno(store, a, d, options.region)),
        }));
    });
    app.get('/spaces/:space/topology', async (request) => {
        const space = visibleSpace(store, request.user, request.params.space);
        const apps = store.apps.inSpace(space.id);
        let version = Date.parse(space.updatedAt);
        const topology = apps.map((a) => {
            const dynos = store.dynos.upOfApp(a.id);
            for (const d of dynos)
                version = Math.max(version, Date.parse(d.updatedAt));
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
    app.get('/spaces/:space/zones', async (request) => {
        const space = visibleSpace(store, request.user, request.params.space);
        return zonesOf(store, space);
    });
    for (const action of ['fail', 'recover']) {
        app.post(`/spaces/:space/zones/:zone/actions/${action}`, async (request) => {
            const { space, zone } = setZoneHealth(store, request.user, request.params.space, request.params.zone, action);
            return zonesOf(store, space).find((z) => z.name === zone.name);
        });
    }
}
function zonesOf(store, space) {
    const addressing = spaceAddressing(space.cidr, space.index);
    const apps = new Map(store.apps.inSpace(space.id).map((a) => [a.id, a.name]));
    const dynos = store.dynos.inSpace(space.id);
    return store.spaces.zones(space.id).map((z) => ({
        name: z.name,
        healthy: z.healthy,
        subnet: addressing.zones.find((a) => a.name === z.name)?.subnet ?? '',
        dynos: dynos
            .filter((d) => d.zone === z.name)
            .map((d) => ({ app: apps.get(d.appId) ?? d.appId, name: d.name, private_ip: d.privateIp, state: d.state })),
    }));
}
//# sourceMappingURL=routes.js.map