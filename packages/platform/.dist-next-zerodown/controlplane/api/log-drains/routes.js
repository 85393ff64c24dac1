/**
 * Log drains, Heroku's log-drain resource: `POST/GET /apps/:app/log-drains`,
 * `DELETE /apps/:app/log-drains/:url_or_id_or_token`, and one drain per space carrying every
 * app of the space (`GET/PUT /spaces/:space/log-drain`). The API only records drains; the
 * drain forwarder (controlplane/logs) delivers lines off the API's event loop.
 */
import { logDrainBodySchema } from '@cove/schema';
import { addAppDrain, findAppDrain, findSpaceDrain, removeAppDrain, setSpaceDrain, validateDrainUrl } from '../../domain/log-drains.js';
import { adminSpace, manageableApp, visibleApp, visibleSpace } from '../../domain/access.js';
import { bodyObject } from '../api-server.js';
import { appRef } from '../refs.js';
function serializeDrain(drain, app, space) {
    return {
        id: drain.id,
        url: drain.url,
        token: drain.token,
        addon: null,
        ...(app === null ? {} : { app: appRef(app) }),
        ...(space === null ? {} : { space: { id: space.id, name: space.name } }),
        created_at: drain.createdAt,
        updated_at: drain.updatedAt,
    };
}
export function registerLogDrainRoutes(app, { store }) {
    app.get('/apps/:app/log-drains', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return store.logDrains.ofApp(record.id).map((d) => serializeDrain(d, record, null));
    });
    app.post('/apps/:app/log-drains', { schema: { body: logDrainBodySchema } }, async (request, reply) => {
        const record = manageableApp(store, request.user, request.params.app);
        const drain = addAppDrain(store, record, request.user, validateDrainUrl(bodyObject(request)['url']));
        return reply.status(201).send(serializeDrain(drain, record, null));
    });
    app.get('/apps/:app/log-drains/:drain', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return serializeDrain(findAppDrain(store, record, request.params.drain), record, null);
    });
    app.delete('/apps/:app/log-drains/:drain', async (request) => {
        const record = manageableApp(store, request.user, request.params.app);
        return serializeDrain(removeAppDrain(store, record, request.user, request.params.drain), record, null);
    });
    app.get('/spaces/:space/log-drain', async (request) => {
        const space = visibleSpace(store, request.user, request.params.space);
        return serializeDrain(findSpaceDrain(store, space), null, space);
    });
    app.put('/spaces/:space/log-drain', { schema: { body: logDrainBodySchema } }, async (request) => {
        const space = adminSpace(store, request.user, request.params.space, 'set the log drain of');
        return serializeDrain(setSpaceDrain(store, space, validateDrainUrl(bodyObject(request)['url'])), null, space);
    });
}
//# sourceMappingURL=routes.js.map