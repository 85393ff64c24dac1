import { join } from 'node:path';
/** Where an uploaded slug tarball lives under the blob directory. */
export function slugTarballPath(blobDir, slugId) {
    return join(blobDir, 'slugs', `${slugId}.tgz`);
}
//# sourceMappingURL=blob-paths.js.map