/**
 * Release phase (Heroku's `release` process type): a pending release runs its release command
 * once, in a one-off dyno inside the app's space (`release.<version>`, never restarted),
 * before it goes live. The dyno's exit decides: 0 makes the release current, anything else
 * marks it failed and changes nothing else. A pending release superseded by a newer one fails.
 */
import type { DynoSpec, DynoStatus } from '../../backends/runtime.js';
import { type SlugBlobSigner } from '../blobs/slug-blob-url.js';
import type { Store } from '../store/store.js';
/** Marks pending releases whose release dyno has exited; true when one changed. */
export declare function settleReleasePhases(store: Store, actual: readonly DynoStatus[]): boolean;
/** The one-off dynos that run pending releases' release commands. */
export declare function releasePhaseDynos(store: Store, options: {
    slugBlobs: SlugBlobSigner;
    readySpaces: ReadonlyMap<string, readonly string[]>;
}): DynoSpec[];
/** A release phase dyno that cannot start, for good, fails its release (a no-op for other dynos). */
export declare function failUnstartableReleasePhase(store: Store, spec: DynoSpec): void;
