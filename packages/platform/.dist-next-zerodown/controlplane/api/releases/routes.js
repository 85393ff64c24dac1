/**
 * Releases: list (Range on `version`, `order=desc`, `max`), info by id or version, config vars
 * at a release, and `POST /apps/:app/releases` with `{slug}` (deploy a slug) or `{release}`
 * (roll back: a new release with the old slug and config).
 */
import { releaseCreateBodySchema } from '@cove/schema';
import { InvalidParamsError } from '../../../shared/errors.js';
import { deploySlug, findRelease, rollback } from '../../domain/releases.js';
import { manageableApp, visibleApp } from '../../domain/access.js';
import { bodyObject } from '../api-server.js';
import { paginate, parseRange } from '../range.js';
import { appRef, userRef } from '../refs.js';
export function serializeRelease(store, app, release, currentId) {
    return {
        id: release.id,
        version: release.version,
        description: release.description,
        status: release.status,
        current: release.id === currentId,
        eligible_for_rollback: release.status === 'succeeded',
        user: userRef(store, release.userId),
        app: appRef(app),
        addon_plan_names: [],
        slug: release.slugId === null ? null : { id: release.slugId },
        output_stream_url: null,
        created_at: release.createdAt,
        updated_at: release.updatedAt,
        extended: { slug_id: release.slugId, slug_uuid: release.slugId },
    };
}
export function registerReleaseRoutes(app, { store }) {
    app.get('/apps/:app/releases', async (request, reply) => {
        const record = visibleApp(store, request.user, request.params.app);
        const range = parseRange(request.headers.range, ['version', 'id'], 'version');
        const all = store.releases.list(record.id);
        const currentId = store.releases.current(record.id)?.id;
        const { page, nextRange } = paginate(all, range, (r) => (range.field === 'id' ? r.id : r.version));
        if (nextRange !== null)
            void reply.status(206).header('Next-Range', nextRange);
        return page.map((r) => serializeRelease(store, record, r, currentId));
    });
    app.get('/apps/:app/releases/:release', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return serializeRelease(store, record, findRelease(store, record, request.params.release), store.releases.current(record.id)?.id);
    });
    app.get('/apps/:app/releases/:release/config-vars', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return findRelease(store, record, request.params.release).config;
    });
    app.post('/apps/:app/releases', { schema: { body: releaseCreateBodySchema } }, async (request, reply) => {
        const record = manageableApp(store, request.user, request.params.app);
        const body = bodyObject(request);
        let release;
        if (body['release'] !== undefined) {
            if (typeof body['release'] !== 'string' && typeof body['release'] !== 'number') {
                throw new InvalidParamsError('release must be the id or version of the release to roll back to.');
            }
            release = rollback(store, record, request.user, String(body['release']));
        }
        else if (body['slug'] !== undefined) {
            if (typeof body['slug'] !== 'string')
                throw new InvalidParamsError('slug must be the id of an uploaded slug.');
            release = deploySlug(store, record, request.user, body['slug'], typeof body['description'] === 'string' ? body['description'] : null);
        }
        else {
            throw new InvalidParamsError('Pass either slug (to deploy) or release (to roll back).');
        }
        return reply.status(201).send(serializeRelease(store, record, release, release.id));
    });
}
//# sourceMappingURL=routes.js.map