/**
 * Slugs, the Heroku way to deploy a pre-built app: `POST /apps/:app/slugs` (with
 * `process_types`) returns a signed `blob` URL; `PUT` a gzip tarball of `./app/...` there;
 * then `POST /apps/:app/releases {slug}`.
 */
import { timingSafeEqual } from 'node:crypto';
import { slugCreateBodySchema } from '@cove/schema';
import { InvalidParamsError, NotFoundError, UnauthorizedError } from '../../../shared/errors.js';
import { slugBlobToken, slugBlobUrl } from '../../blobs/slug-blob-url.js';
import { findSlug, insertSlug, MAX_SLUG_BYTES, saveSlugBlob } from '../../domain/slugs.js';
import { slugTarballPath } from '../../store/blob-paths.js';
import { manageableApp, visibleApp } from '../../domain/access.js';
import { bodyObject } from '../api-server.js';
import { appRef, stackRef } from '../refs.js';
const PROCESS_TYPE = /^[a-zA-Z0-9_-]{1,30}$/;
function blobToken(options, slugId) {
    return slugBlobToken(options.blobKey, slugId);
}
function origin(request) {
    return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}
function serializeSlug(options, app, slug, base) {
    const url = slugBlobUrl(base, options.blobKey, slug.id);
    return {
        id: slug.id,
        app: appRef(app),
        blob: { method: slug.uploaded ? 'GET' : 'PUT', url },
        buildpack_provided_description: slug.buildpackDescription,
        checksum: slug.checksum,
        commit: slug.commit,
        commit_description: slug.commitDescription,
        process_types: slug.processTypes,
        size: slug.size,
        stack: stackRef(slug.stack),
        created_at: slug.createdAt,
        updated_at: slug.updatedAt,
    };
}
function optionalString(body, key) {
    const v = body[key];
    if (v === undefined || v === null)
        return null;
    if (typeof v !== 'string')
        throw new InvalidParamsError(`${key} must be a string.`);
    return v;
}
export function registerSlugRoutes(app, { store, options }) {
    app.post('/apps/:app/slugs', { schema: { body: slugCreateBodySchema } }, async (request, reply) => {
        const record = manageableApp(store, request.user, request.params.app);
        const body = bodyObject(request);
        const types = body['process_types'];
        if (typeof types !== 'object' || types === null || Array.isArray(types)) {
            throw new InvalidParamsError('process_types must be an object such as {"web": "node server.js"}.');
        }
        const processTypes = {};
        for (const [type, command] of Object.entries(types)) {
            if (!PROCESS_TYPE.test(type))
                throw new InvalidParamsError(`Process type "${type}" is invalid: use letters, digits, dashes and underscores.`);
            if (typeof command !== 'string' || command.trim() === '')
                throw new InvalidParamsError(`The command of process type ${type} must be a non-empty string.`);
            processTypes[type] = command;
        }
        const checksum = optionalString(body, 'checksum');
        if (checksum !== null && !/^SHA256:[0-9a-f]{64}$/.test(checksum))
            throw new InvalidParamsError('checksum must look like "SHA256:<64 hex digits>".');
        const stack = optionalString(body, 'stack') ?? record.stack;
        const slug = insertSlug(store, record, {
            processTypes,
            commit: optionalString(body, 'commit'),
            commitDescription: optionalString(body, 'commit_description'),
            checksum,
            stack,
            buildpackDescription: optionalString(body, 'buildpack_provided_description'),
        });
        return reply.status(201).send(serializeSlug(options, record, slug, origin(request)));
    });
    app.get('/apps/:app/slugs/:slug', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return serializeSlug(options, record, findSlug(store, record, request.params.slug), origin(request));
    });
    const authorizeBlob = (slugId, token) => {
        const expected = Buffer.from(blobToken(options, slugId));
        const given = Buffer.from(typeof token === 'string' ? token : '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected))
            throw new UnauthorizedError('Invalid or missing blob token.');
        const slug = store.releases.slug(slugId);
        if (slug === undefined)
            throw new NotFoundError('slug', slugId);
        return slug;
    };
    app.put('/slugs/:slug/blob', { config: { public: true }, bodyLimit: MAX_SLUG_BYTES }, async (request, reply) => {
        const slug = authorizeBlob(request.params.slug, request.query.token);
        const source = (typeof request.body?.pipe === 'function' ? request.body : request.raw);
        await saveSlugBlob(store, options.blobDir, slug, source);
        return reply.status(200).send({});
    });
    app.get('/slugs/:slug/blob', { config: { public: true } }, async (request, reply) => {
        const slug = authorizeBlob(request.params.slug, request.query.token);
        if (!slug.uploaded)
            throw new NotFoundError('slug', slug.id);
        const { createReadStream } = await import('node:fs');
        return reply.type('application/octet-stream').send(createReadStream(slugTarballPath(options.blobDir, slug.id)));
    });
}
//# sourceMappingURL=routes.js.map