import type { DynoSlug } from '../../backends/runtime.js';
import type { SlugRecord } from '../store/records.js';
/** What signing a slug's blob URL takes. */
export interface SlugBlobSigner {
    /** The control plane's API base URL as the reader reaches it, e.g. "http://127.0.0.1:5000". */
    readonly apiUrl: string;
    readonly blobKey: Buffer;
}
/** The token that authorizes `GET` and `PUT` of one slug's blob. */
export declare function slugBlobToken(blobKey: Buffer, slugId: string): string;
export declare function slugBlobUrl(apiUrl: string, blobKey: Buffer, slugId: string): string;
/**
 * An uploaded slug as a backend gets it. Its record's checksum ("SHA256:<hex>") is set at upload
 * from the bytes stored, so it is the digest the backend checks.
 */
export declare function dynoSlug(signer: SlugBlobSigner, slug: SlugRecord): DynoSlug;
