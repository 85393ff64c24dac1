/**
 * An app's buildpacks (Heroku's buildpack-installations): `GET` the ordered list, `PUT` the
 * whole list (`{updates: [{buildpack: "<url or name>"}]}`; the heroku and cove CLIs send the
 * full list for set, add and remove). An empty list means "detect" (Node.js, then Procfile).
 */
import { buildpackInstallationsUpdateBodySchema } from '@cove/schema';
import { InvalidParamsError } from '../../../shared/errors.js';
import { buildpackName } from '../../builder/buildpacks.js';
import { checkBuildpack, setBuildpacks } from '../../domain/builds.js';
import { manageableApp, visibleApp } from '../../domain/access.js';
import { bodyObject } from '../api-server.js';
function list(store, app) {
    return store.builds.buildpacks(app.id).map((url, ordinal) => ({ ordinal, buildpack: { url, name: buildpackName(url) } }));
}
export function registerBuildpackInstallationRoutes(app, { store }) {
    app.get('/apps/:app/buildpack-installations', async (request) => list(store, visibleApp(store, request.user, request.params.app)));
    app.put('/apps/:app/buildpack-installations', { schema: { body: buildpackInstallationsUpdateBodySchema } }, async (request) => {
        const record = manageableApp(store, request.user, request.params.app);
        const updates = bodyObject(request)['updates'];
        if (!Array.isArray(updates))
            throw new InvalidParamsError('updates must be a list such as [{"buildpack": "heroku/nodejs"}].');
        const urls = updates.map((u) => {
            const value = typeof u === 'object' && u !== null ? u.buildpack : undefined;
            if (typeof value !== 'string')
                throw new InvalidParamsError('Each update must be {"buildpack": "<url or name>"}.');
            return checkBuildpack(value);
        });
        setBuildpacks(store, record, urls);
        return list(store, record);
    });
}
//# sourceMappingURL=routes.js.map