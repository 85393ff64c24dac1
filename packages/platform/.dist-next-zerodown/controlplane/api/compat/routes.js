/**
 * Endpoints the heroku CLI calls around the ones Cove implements, answered the way Heroku
 * answers for an app without those features: no add-ons yet, no pipeline (404, which
 * `apps:info` expects), no extra collaborators, no app features. (Buildpack installations are real: see
 * buildpack-installations/routes.ts.) (The heroku CLI's
 * particleboard delinquency look-ups land on `GET /account` and `GET /teams/:team` when
 * `HEROKU_PARTICLEBOARD_URL` points at the API: it keeps only the URL's origin.)
 */
import { NotFoundError } from '../../../shared/errors.js';
import { visibleApp } from '../../domain/access.js';
export function registerCompatRoutes(app, { store }) {
    app.get('/apps/:app/addons', async (request) => {
        visibleApp(store, request.user, request.params.app);
        return [];
    });
    app.get('/apps/:app/addon-attachments', async (request) => {
        visibleApp(store, request.user, request.params.app);
        return [];
    });
    app.get('/addons', async () => []);
    app.get('/addon-attachments', async () => []);
    app.get('/apps/:app/pipeline-couplings', async (request) => {
        visibleApp(store, request.user, request.params.app);
        throw new NotFoundError('pipeline_coupling');
    });
    app.get('/apps/:app/collaborators', async (request) => {
        visibleApp(store, request.user, request.params.app);
        return [];
    });
    app.get('/apps/:app/features', async (request) => {
        visibleApp(store, request.user, request.params.app);
        return [];
    });
}
//# sourceMappingURL=routes.js.map