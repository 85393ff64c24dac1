/**
 * Config vars: `GET/PATCH /apps/:app/config-vars`. A `null` value unsets a key; every change
 * creates a release ("Set FOO, BAR config vars").
 */
import { visibleApp } from '../../domain/access.js';
import { updateConfigVars } from '../../domain/config-vars.js';
import { bodyObject } from '../api-server.js';
export function registerConfigVarRoutes(app, { store }) {
    app.get('/apps/:app/config-vars', async (request) => visibleApp(store, request.user, request.params.app).config);
    app.patch('/apps/:app/config-vars', async (request) => updateConfigVars(store, request.user, request.params.app, bodyObject(request)));
}
//# sourceMappingURL=routes.js.map