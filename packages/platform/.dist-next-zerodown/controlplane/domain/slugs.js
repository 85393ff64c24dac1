/**
 * The one way a slug comes to exist: a record, then its tarball checked and stored under the
 * blob directory. The slug API (`POST /apps/:app/slugs` + `PUT` to the blob URL) and the
 * builder (git push, `POST /apps/:app/builds`) both come through here.
 */
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { NotFoundError, PlatformError, UnprocessableError } from '../../shared/errors.js';
import { slugTarballPath } from '../store/blob-paths.js';
const run = promisify(execFile);
/** Heroku's limit on a compressed slug. */
export const MAX_SLUG_BYTES = 500 * 1024 * 1024;
/** Creates the slug's record, not yet uploaded. */
export function insertSlug(store, app, fields) {
    const now = new Date().toISOString();
    return store.releases.insertSlug({
        id: randomUUID(),
        appId: app.id,
        ...fields,
        size: null,
        uploaded: false,
        createdAt: now,
        updatedAt: now,
    });
}
/** The app's slug; 404 when it has none with that id. */
export function findSlug(store, app, slugId) {
    const slug = store.releases.slugOfApp(app.id, slugId);
    if (slug === undefined)
        throw new NotFoundError('slug', slugId);
    return slug;
}
/** Lists the tarball and checks it is a Heroku slug: gzip, every entry under ./app. */
async function checkSlugTarball(file) {
    let listing;
    try {
        listing = (await run('tar', ['-tzf', file], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    }
    catch {
        throw new UnprocessableError('The slug is not a gzip-compressed tar archive.', 'slug');
    }
    const entries = listing.split('\n').filter((l) => l !== '' && l !== './');
    if (entries.length === 0)
        throw new UnprocessableError('The slug archive is empty.', 'slug');
    const stray = entries.find((e) => !/^(\.\/)?app(\/|$)/.test(e) || e.split('/').includes('..'));
    if (stray !== undefined)
        throw new UnprocessableError(`The slug must contain only ./app/...; found "${stray}".`, 'slug');
}
/** Streams a tarball into the slug's blob, checks it and marks the slug uploaded. */
export async function saveSlugBlob(store, blobDir, slug, source) {
    if (slug.uploaded)
        throw new UnprocessableError('This slug has already been uploaded; create a new slug.', 'slug');
    const final = slugTarballPath(blobDir, slug.id);
    const partial = `${final}.${randomUUID()}.part`;
    await mkdir(dirname(final), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    source.on('data', (chunk) => {
        size += chunk.length;
        hash.update(chunk);
        if (size > MAX_SLUG_BYTES)
            source.destroy(new PlatformError('payload_too_large', 'The slug is larger than 500 MB.'));
    });
    try {
        await pipeline(source, createWriteStream(partial, { mode: 0o600 }));
        await checkSlugTarball(partial);
        const checksum = `SHA256:${hash.digest('hex')}`;
        if (slug.checksum !== null && slug.checksum !== checksum) {
            throw new UnprocessableError(`The uploaded slug's checksum ${checksum} does not match the declared ${slug.checksum}.`, 'slug');
        }
        await rename(partial, final);
        const fields = { size: (await stat(final)).size, checksum, updatedAt: new Date().toISOString() };
        store.releases.markSlugUploaded(slug.id, fields);
        return { ...slug, ...fields, uploaded: true };
    }
    catch (error) {
        await rm(partial, { force: true });
        throw error;
    }
}
//# sourceMappingURL=slugs.js.map