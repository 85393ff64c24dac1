import type { DynoSpec } from '../../backends/runtime.js';
import { type SlugBlobSigner } from '../blobs/slug-blob-url.js';
import type { Store } from '../store/store.js';
/** Seconds a web dyno may take to bind $PORT (Heroku's default boot timeout). */
export declare const BOOT_TIMEOUT_SECONDS = 60;
export declare function digestId(parts: readonly unknown[]): string;
export declare function desiredDynos(store: Store, options: {
    /** Signs the slug URLs backends fetch. */
    slugBlobs: SlugBlobSigner;
    /** Spaces whose network is ready, with their healthy zones. */
    readySpaces: ReadonlyMap<string, readonly string[]>;
    /** Where each (app, process type, number) runs now, to keep dynos in place. */
    currentZones: ReadonlyMap<string, string | null>;
}): DynoSpec[];
