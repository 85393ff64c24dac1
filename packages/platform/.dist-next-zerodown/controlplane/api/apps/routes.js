/**
 * Apps: `POST /apps` (personal) and `POST /teams/apps` (team or space), list (`/apps`,
 * `/users/~/apps`, `/teams/:team/apps`), info by name or id, rename, destroy. Internal
 * routing needs a space and is chosen at creation only.
 */
import { appCreateBodySchema, appUpdateBodySchema } from '@cove/schema';
import { canViewApp, teamRole, visibleApp, visibleSpace, visibleTeam } from '../../domain/access.js';
import { appToDestroy, createApp, destroyApp, updateApp } from '../../domain/apps.js';
import { bodyObject } from '../api-server.js';
import { serializeApp } from './serialize.js';
export function registerAppRoutes(app, ctx) {
    const { store, options } = ctx;
    const create = (request, teamEndpoint) => {
        const body = bodyObject(request);
        return createApp(store, request.user, {
            name: body['name'],
            space: body['space'],
            team: body['team'] ?? body['organization'],
            region: body['region'],
            stack: body['stack'],
            internal_routing: body['internal_routing'],
        }, { region: options.region, teamEndpoint });
    };
    app.post('/apps', { schema: { body: appCreateBodySchema } }, async (request, reply) => reply.status(201).send(serializeApp(store, create(request, false), options)));
    app.post('/teams/apps', { schema: { body: appCreateBodySchema } }, async (request, reply) => reply.status(201).send(serializeApp(store, create(request, true), options)));
    app.post('/organizations/apps', { schema: { body: appCreateBodySchema } }, async (request, reply) => reply.status(201).send(serializeApp(store, create(request, true), options)));
    const list = (filter) => (request) => store.apps
        .list()
        .filter((a) => canViewApp(store, request.user, a) && filter(a))
        .map((a) => serializeApp(store, a, options));
    app.get('/apps', async (request) => list(() => true)(request));
    app.get('/users/~/apps', async (request) => list((a) => a.ownerId === request.user.id || (a.teamId !== null && teamRole(store, request.user, a.teamId) !== null))(request));
    app.get('/teams/:team/apps', async (request) => {
        const team = visibleTeam(store, request.user, request.params.team);
        return list((a) => a.teamId === team.id)(request);
    });
    app.get('/spaces/:space/apps', async (request) => {
        const space = visibleSpace(store, request.user, request.params.space);
        return list((a) => a.spaceId === space.id)(request);
    });
    app.get('/apps/:app', async (request) => serializeApp(store, visibleApp(store, request.user, request.params.app), options));
    app.get('/teams/apps/:app', async (request) => serializeApp(store, visibleApp(store, request.user, request.params.app), options));
    const update = async (request) => serializeApp(store, updateApp(store, request.user, request.params.app, bodyObject(request)), options);
    app.patch('/apps/:app', { schema: { body: appUpdateBodySchema } }, update);
    app.patch('/teams/apps/:app', { schema: { body: appUpdateBodySchema } }, update);
    app.delete('/apps/:app', async (request) => {
        const record = appToDestroy(store, request.user, request.params.app);
        const body = serializeApp(store, record, options);
        destroyApp(store, record);
        return body;
    });
}
//# sourceMappingURL=routes.js.map