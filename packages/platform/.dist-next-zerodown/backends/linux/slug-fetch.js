/**
 * How the linux backend gets a slug's tarball from a `DynoSlug` (a URL plus its SHA-256): from
 * the control plane's blob store over HTTP on loopback (the control plane runs on this host), or,
 * when the backend was told where that blob store keeps its files, straight from the file. Either
 * way the bytes are checked against the SHA-256 before anything unpacks them.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RuntimeError } from '../../shared/errors.js';
/** A fetch gives up after this long (a 500 MB slug on loopback takes seconds). */
const FETCH_TIMEOUT_MS = 10 * 60 * 1000;
const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/**
 * The path of the slug's verified tarball: the local blob when the fast path applies, else
 * `download` after fetching the URL into it. Throws RuntimeError SLUG_INVALID (not retryable) when
 * the bytes do not match the SHA-256, SLUG_UNAVAILABLE when they cannot be fetched (retryable
 * unless the control plane refused for good: a 4xx, or a URL that is not on loopback).
 */
export async function fetchSlugTarball(slug, download, options = {}) {
    if (!/^[0-9a-f]{64}$/.test(slug.sha256)) {
        throw new RuntimeError('SLUG_INVALID', `Cannot fetch slug "${slug.id}": its SHA-256 "${slug.sha256}" is not 64 hex digits`, { retryable: false });
    }
    const local = options.localBlobDir == null || !SAFE_ID.test(slug.id) ? null : join(options.localBlobDir, 'slugs', `${slug.id}.tgz`);
    // A local file with another digest is not trusted: the URL, the authority, decides.
    if (local !== null && (await isFile(local)) && (await sha256Of(local)) === slug.sha256)
        return local;
    const url = loopbackUrl(slug);
    let response;
    try {
        response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
    }
    catch (error) {
        throw new RuntimeError('SLUG_UNAVAILABLE', `Cannot fetch slug "${slug.id}" from the control plane: ${error.message}`, { cause: error });
    }
    if (!response.ok || response.body === null) {
        await response.body?.cancel().catch(() => undefined);
        const permanent = response.status >= 400 && response.status < 500;
        throw new RuntimeError('SLUG_UNAVAILABLE', `Cannot fetch slug "${slug.id}" from the control plane: HTTP ${response.status}`, { retryable: !permanent });
    }
    const hash = createHash('sha256');
    const hashing = new Transform({
        transform(chunk, _encoding, done) {
            hash.update(chunk);
            done(null, chunk);
        },
    });
    try {
        await pipeline(Readable.fromWeb(response.body), hashing, createWriteStream(download, { mode: 0o600 }));
    }
    catch (error) {
        throw new RuntimeError('SLUG_UNAVAILABLE', `Cannot fetch slug "${slug.id}" from the control plane: ${error.message}`, { cause: error });
    }
    const digest = hash.digest('hex');
    if (digest !== slug.sha256) {
        throw new RuntimeError('SLUG_INVALID', `Cannot use slug "${slug.id}": its SHA-256 is ${digest}, expected ${slug.sha256}`, { retryable: false });
    }
    return download;
}
/** The slug's URL, refused unless it names this host: the only control plane the backend trusts. */
function loopbackUrl(slug) {
    let url;
    try {
        url = new URL(slug.url);
    }
    catch {
        throw new RuntimeError('SLUG_UNAVAILABLE', `Cannot fetch slug "${slug.id}": "${slug.url}" is not a URL`, { retryable: false });
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOST.test(url.hostname)) {
        throw new RuntimeError('SLUG_UNAVAILABLE', `Cannot fetch slug "${slug.id}": the linux backend fetches slugs only from the control plane on this host (http on loopback), not ${url.origin}`, {
            retryable: false,
        });
    }
    return url;
}
async function isFile(path) {
    return (await stat(path).catch(() => null))?.isFile() === true;
}
async function sha256Of(path) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path))
        hash.update(chunk);
    return hash.digest('hex');
}
//# sourceMappingURL=slug-fetch.js.map