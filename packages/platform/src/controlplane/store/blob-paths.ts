import { join } from 'node:path';

/** Where an uploaded slug tarball lives under the blob directory. */
export function slugTarballPath(blobDir: string, slugId: string): string {
  return join(blobDir, 'slugs', `${slugId}.tgz`);
}
