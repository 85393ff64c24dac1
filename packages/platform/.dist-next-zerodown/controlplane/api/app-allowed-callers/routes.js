/**
 * An internal app's caller list (beyond Heroku): `GET/PUT/DELETE /apps/:app/allowed-callers`.
 * Without one (404 on GET, the default) every app of the space may call the app on its space's
 * internal router, as on Heroku. With one, only dynos (any process type, one-off and release
 * dynos too) of the listed apps, and of the app itself, may; the router refuses others with a
 * 403. An empty list leaves only the app itself.
 *
 * PUT takes `{"apps": [...]}` with app names or ids, or the `{id, name}` references GET
 * returns, and replaces the whole list. Only internal-routing apps in a space have one; every
 * listed app must be an app of the same space. Deleting a listed app removes it from the lists
 * (the store cascades).
 */
import { visibleApp } from '../../domain/access.js';
import { allowedCallers, deleteAllowedCallers, putAllowedCallers } from '../../domain/app-rules.js';
import { bodyObject } from '../api-server.js';
import { appRef } from '../refs.js';
function serialize(store, app, { list, callerAppIds }) {
    const apps = callerAppIds
        .map((id) => store.apps.byId(id))
        .filter((a) => a !== undefined)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(appRef);
    return { id: list.id, app: appRef(app), apps, created_at: list.createdAt, created_by: list.createdBy };
}
export function registerAppAllowedCallersRoutes(app, { store }) {
    app.get('/apps/:app/allowed-callers', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return serialize(store, record, allowedCallers(store, record));
    });
    app.put('/apps/:app/allowed-callers', async (request) => {
        const { app: record, ...list } = putAllowedCallers(store, request.user, request.params.app, bodyObject(request));
        return serialize(store, record, list);
    });
    app.delete('/apps/:app/allowed-callers', async (request) => {
        const { app: record, ...list } = deleteAllowedCallers(store, request.user, request.params.app);
        return serialize(store, record, list);
    });
}
//# sourceMappingURL=routes.js.map