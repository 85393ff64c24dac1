/** Where an uploaded slug tarball lives under the blob directory. */
export declare function slugTarballPath(blobDir: string, slugId: string): string;
