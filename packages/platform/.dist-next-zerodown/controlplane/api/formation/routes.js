/**
 * Formation and dynos: `GET /apps/:app/formation[/:type]`, batch `PATCH` with quantities as
 * numbers or strings (`"3"`, `"+1"`, `"-1"`) and sizes; dynos list and info; restarts (all,
 * per type, per dyno) and stops. The rules are in domain/formation.ts; the reconciler makes
 * the dynos follow.
 */
import { formationBatchUpdateBodySchema, formationUpdateBodySchema } from '@cove/schema';
import { InvalidParamsError, NotFoundError } from '../../../shared/errors.js';
import { findFormation, restartDynos, scaleFormation } from '../../domain/formation.js';
import { manageableApp, visibleApp } from '../../domain/access.js';
import { bodyObject } from '../api-server.js';
import { appRef } from '../refs.js';
import { serializeDyno } from './serialize-dyno.js';
function serializeFormation(app, f) {
    return {
        id: f.id,
        type: f.type,
        quantity: f.quantity,
        size: f.size,
        command: f.command,
        app: appRef(app),
        created_at: f.createdAt,
        updated_at: f.updatedAt,
    };
}
export function registerFormationRoutes(app, { store, options }) {
    app.get('/apps/:app/formation', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return store.formations.list(record.id).map((f) => serializeFormation(record, f));
    });
    app.get('/apps/:app/formation/:type', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return serializeFormation(record, findFormation(store, record, request.params.type));
    });
    /** Checks each entry names a process type; the domain checks the rest. */
    const parseUpdates = (updates) => updates.map((raw) => {
        if (typeof raw !== 'object' || raw === null)
            throw new InvalidParamsError('Each update must be an object {type, quantity, size}.');
        const u = raw;
        if (typeof u['type'] !== 'string')
            throw new InvalidParamsError('Each update needs a process type.');
        return { type: u['type'], quantity: u['quantity'], size: u['size'] };
    });
    app.patch('/apps/:app/formation', { schema: { body: formationBatchUpdateBodySchema } }, async (request) => {
        const record = manageableApp(store, request.user, request.params.app);
        const updates = bodyObject(request)['updates'];
        if (!Array.isArray(updates))
            throw new InvalidParamsError('updates must be an array of {type, quantity, size}.');
        return scaleFormation(store, record, request.user, parseUpdates(updates)).map((f) => serializeFormation(record, f));
    });
    app.patch('/apps/:app/formation/:type', { schema: { body: formationUpdateBodySchema } }, async (request) => {
        const record = manageableApp(store, request.user, request.params.app);
        const [f] = scaleFormation(store, record, request.user, parseUpdates([{ ...bodyObject(request), type: request.params.type }]));
        if (f === undefined)
            throw new NotFoundError('formation', request.params.type);
        return serializeFormation(record, f);
    });
    app.get('/apps/:app/dynos', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return store.dynos.ofApp(record.id).map((d) => serializeDyno(store, record, d, options.region));
    });
    app.get('/apps/:app/dynos/:dyno', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        const dyno = store.dynos.findOfApp(record.id, request.params.dyno);
        if (dyno === undefined)
            throw new NotFoundError('dyno', request.params.dyno);
        return serializeDyno(store, record, dyno, options.region);
    });
    app.delete('/apps/:app/dynos', async (request, reply) => {
        restartDynos(store, manageableApp(store, request.user, request.params.app), request.user, {});
        return reply.status(202).send({});
    });
    app.delete('/apps/:app/dynos/:dyno', async (request, reply) => {
        restartDynos(store, manageableApp(store, request.user, request.params.app), request.user, { dyno: request.params.dyno });
        return reply.status(202).send({});
    });
    app.delete('/apps/:app/formations/:type', async (request, reply) => {
        restartDynos(store, manageableApp(store, request.user, request.params.app), request.user, { type: request.params.type });
        return reply.status(202).send({});
    });
    // Stopping a formation dyno ends its process; the formation brings a fresh one up, as on Heroku.
    app.post('/apps/:app/dynos/:dyno/actions/stop', async (request, reply) => {
        restartDynos(store, manageableApp(store, request.user, request.params.app), request.user, { dyno: request.params.dyno }, 'Stop');
        return reply.status(202).send({});
    });
    app.post('/apps/:app/formations/:type/actions/stop', async (request, reply) => {
        restartDynos(store, manageableApp(store, request.user, request.params.app), request.user, { type: request.params.type }, 'Stop');
        return reply.status(202).send({});
    });
}
//# sourceMappingURL=routes.js.map