/**
 * The signed URL of a slug's blob (`GET`/`PUT /slugs/:id/blob?token=…`): handed to clients by the
 * slug API, and to backends in `DynoSpec.slug` with the tarball's SHA-256, so a backend needs no
 * access to the control plane's files. The token is an HMAC of the slug id under the blob key.
 */
import { createHmac } from 'node:crypto';
/** The token that authorizes `GET` and `PUT` of one slug's blob. */
export function slugBlobToken(blobKey, slugId) {
    return createHmac('sha256', blobKey).update(`slug:${slugId}`).digest('base64url');
}
export function slugBlobUrl(apiUrl, blobKey, slugId) {
    return `${apiUrl.replace(/\/+$/, '')}/slugs/${slugId}/blob?token=${slugBlobToken(blobKey, slugId)}`;
}
/**
 * An uploaded slug as a backend gets it. Its record's checksum ("SHA256:<hex>") is set at upload
 * from the bytes stored, so it is the digest the backend checks.
 */
export function dynoSlug(signer, slug) {
    return {
        id: slug.id,
        url: slugBlobUrl(signer.apiUrl, signer.blobKey, slug.id),
        sha256: (slug.checksum ?? '').replace(/^SHA256:/, '').toLowerCase(),
    };
}
//# sourceMappingURL=slug-blob-url.js.map