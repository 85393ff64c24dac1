import type { Readable } from 'node:stream';
import type { AppRecord, SlugRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
/** Heroku's limit on a compressed slug. */
export declare const MAX_SLUG_BYTES: number;
export interface NewSlug {
    readonly processTypes: Record<string, string>;
    readonly commit: string | null;
    readonly commitDescription: string | null;
    readonly checksum: string | null;
    readonly stack: string;
    readonly buildpackDescription: string | null;
}
/** Creates the slug's record, not yet uploaded. */
export declare function insertSlug(store: Store, app: AppRecord, fields: NewSlug): SlugRecord;
/** The app's slug; 404 when it has none with that id. */
export declare function findSlug(store: Store, app: AppRecord, slugId: string): SlugRecord;
/** Streams a tarball into the slug's blob, checks it and marks the slug uploaded. */
export declare function saveSlugBlob(store: Store, blobDir: string, slug: SlugRecord, source: Readable): Promise<SlugRecord>;
