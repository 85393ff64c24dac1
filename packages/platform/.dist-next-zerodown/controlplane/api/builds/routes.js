/**
 * Builds (Heroku's builds resource): `POST /apps/:app/builds` with `source_blob.url` (a tar or
 * tar.gz of the app), `GET` one and the list, and `output_stream_url`, which streams the build's
 * output as it is written and ends with the build. Git pushes are builds too.
 *
 * Sources (Heroku's `POST /sources`) give a signed place to upload a tarball; the builder reads
 * those directly. Other source URLs must be http(s) on a loopback address: Cove builds
 * offline and never fetches from elsewhere.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { buildCreateBodySchema } from '@cove/schema';
import { InvalidParamsError, NotFoundError, PlatformError, UnauthorizedError } from '../../../shared/errors.js';
import { buildpackName } from '../../builder/buildpacks.js';
import { checkBuildpack, findBuild } from '../../domain/builds.js';
import { MAX_SLUG_BYTES } from '../../domain/slugs.js';
import { manageableApp, visibleApp } from '../../domain/access.js';
import { bodyObject } from '../api-server.js';
import { userRef } from '../refs.js';
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
const SOURCE_PATH = /^\/sources\/([0-9a-f-]{36})\/blob$/;
function sign(options, what) {
    return createHmac('sha256', options.blobKey).update(what).digest('base64url');
}
function verify(options, what, token) {
    const expected = Buffer.from(sign(options, what));
    const given = Buffer.from(typeof token === 'string' ? token : '');
    return given.length === expected.length && timingSafeEqual(given, expected);
}
function origin(request) {
    return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}
function sourcePath(options, id) {
    return join(options.blobDir, 'sources', `${id}.tgz`);
}
export function serializeBuild(store, options, app, build, base) {
    return {
        id: build.id,
        app: { id: app.id, name: app.name },
        buildpacks: build.buildpacks.map((url) => ({ url, name: buildpackName(url) })),
        source_blob: { url: build.sourceUrl, version: build.sourceVersion, checksum: build.sourceChecksum, version_description: null },
        output_stream_url: `${base}/builds/${build.id}/output?token=${sign(options, `build-output:${build.id}`)}`,
        release: build.releaseId === null ? null : { id: build.releaseId },
        slug: build.slugId === null ? null : { id: build.slugId },
        stack: app.stack,
        status: build.status,
        user: userRef(store, build.userId),
        created_at: build.createdAt,
        updated_at: build.updatedAt,
    };
}
/** Downloads a loopback http(s) URL to `file`. */
function download(url, file) {
    return new Promise((resolve, reject) => {
        const get = url.protocol === 'https:' ? httpsRequest : httpRequest;
        const req = get(url, { method: 'GET', timeout: 60_000 }, (res) => {
            if ((res.statusCode ?? 0) >= 300) {
                res.resume();
                reject(new Error(`GET ${url.origin}${url.pathname} answered ${res.statusCode ?? 0}`));
                return;
            }
            pipeline(res, createWriteStream(file, { mode: 0o600 })).then(resolve, reject);
        });
        req.on('timeout', () => req.destroy(new Error('timed out')));
        req.on('error', reject);
        req.end();
    });
}
export function registerBuildRoutes(app, { store, options, builder }) {
    const requireBuilder = () => {
        if (builder === undefined)
            throw new PlatformError('service_unavailable', 'This server does not build apps.');
        return builder;
    };
    app.post('/sources', async (request, reply) => {
        const id = randomUUID();
        const url = `${origin(request)}/sources/${id}/blob?token=${sign(options, `source:${id}`)}`;
        const body = { source_blob: { get_url: url, put_url: url } };
        return reply.status(201).send(body);
    });
    app.put('/sources/:id/blob', { config: { public: true }, bodyLimit: MAX_SLUG_BYTES }, async (request, reply) => {
        if (!verify(options, `source:${request.params.id}`, request.query.token))
            throw new UnauthorizedError('Invalid or missing blob token.');
        const final = sourcePath(options, request.params.id);
        const partial = `${final}.${randomUUID()}.part`;
        await mkdir(join(options.blobDir, 'sources'), { recursive: true });
        const source = (typeof request.body?.pipe === 'function' ? request.body : request.raw);
        try {
            await pipeline(source, createWriteStream(partial, { mode: 0o600 }));
            await rename(partial, final);
        }
        catch (error) {
            await rm(partial, { force: true });
            throw error;
        }
        return reply.status(200).send({});
    });
    app.get('/sources/:id/blob', { config: { public: true } }, async (request, reply) => {
        if (!verify(options, `source:${request.params.id}`, request.query.token))
            throw new UnauthorizedError('Invalid or missing blob token.');
        const file = sourcePath(options, request.params.id);
        if (!existsSync(file))
            throw new NotFoundError('source', request.params.id);
        return reply.type('application/octet-stream').send(createReadStream(file));
    });
    app.post('/apps/:app/builds', { schema: { body: buildCreateBodySchema } }, async (request, reply) => {
        const record = manageableApp(store, request.user, request.params.app);
        const body = bodyObject(request);
        const blob = body['source_blob'];
        if (typeof blob !== 'object' || blob === null || typeof blob.url !== 'string') {
            throw new InvalidParamsError('source_blob.url must be the URL of a tarball of the app.');
        }
        const { url: rawUrl, version, checksum } = blob;
        if (version !== undefined && version !== null && typeof version !== 'string')
            throw new InvalidParamsError('source_blob.version must be a string.');
        if (checksum !== undefined && checksum !== null && (typeof checksum !== 'string' || !/^SHA256:[0-9a-f]{64}$/.test(checksum))) {
            throw new InvalidParamsError('source_blob.checksum must look like "SHA256:<64 hex digits>".');
        }
        let url;
        try {
            url = new URL(rawUrl);
        }
        catch {
            throw new InvalidParamsError(`source_blob.url "${rawUrl}" is not a URL.`);
        }
        if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOST.test(url.hostname)) {
            throw new InvalidParamsError('source_blob.url must be an http(s) URL on this machine (a loopback address): Cove builds offline. Upload the tarball with POST /sources first.');
        }
        const own = SOURCE_PATH.exec(url.pathname);
        if (own !== null && !verify(options, `source:${own[1] ?? ''}`, url.searchParams.get('token'))) {
            throw new InvalidParamsError('source_blob.url has an invalid token.');
        }
        let buildpacks = null;
        if (body['buildpacks'] !== undefined && body['buildpacks'] !== null) {
            if (!Array.isArray(body['buildpacks']))
                throw new InvalidParamsError('buildpacks must be a list of {"url": "..."}.');
            buildpacks = body['buildpacks'].map((b) => {
                const value = typeof b === 'string' ? b : b?.url ?? b?.name;
                if (typeof value !== 'string')
                    throw new InvalidParamsError('Each buildpack must be {"url": "..."} or {"name": "..."}.');
                return checkBuildpack(value);
            });
        }
        const workDir = join(options.blobDir, 'sources');
        const downloaded = join(workDir, `download-${randomUUID()}.tar`);
        const build = requireBuilder().startBuild(record, request.user, {
            url: rawUrl,
            version: typeof version === 'string' ? version : null,
            checksum: typeof checksum === 'string' ? checksum : null,
            description: null,
            fetch: async () => {
                const file = own !== null ? sourcePath(options, own[1] ?? '') : downloaded;
                if (own === null) {
                    await mkdir(workDir, { recursive: true });
                    await download(url, file);
                }
                else if (!existsSync(file)) {
                    throw new Error('nothing was uploaded to that source URL');
                }
                if (typeof checksum === 'string') {
                    const hash = createHash('sha256');
                    await pipeline(createReadStream(file), hash);
                    const actual = `SHA256:${hash.digest('hex')}`;
                    if (actual !== checksum)
                        throw new Error(`checksum ${actual} does not match ${checksum}`);
                }
                return file;
            },
            dispose: () => rm(downloaded, { force: true }),
        }, buildpacks);
        return reply.status(201).send(serializeBuild(store, options, record, build, origin(request)));
    });
    app.get('/apps/:app/builds', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return store.builds.ofApp(record.id).map((b) => serializeBuild(store, options, record, b, origin(request)));
    });
    app.get('/apps/:app/builds/:build', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return serializeBuild(store, options, record, findBuild(store, record, request.params.build), origin(request));
    });
    app.get('/builds/:build/output', { config: { public: true } }, async (request, reply) => {
        if (!verify(options, `build-output:${request.params.build}`, request.query.token))
            throw new UnauthorizedError('Invalid or missing output token.');
        if (store.builds.byId(request.params.build) === undefined)
            throw new NotFoundError('build', request.params.build);
        const service = requireBuilder();
        reply.hijack();
        reply.raw.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
        await service.follow(request.params.build, (chunk) => reply.raw.write(chunk));
        reply.raw.end();
    });
}
//# sourceMappingURL=routes.js.map