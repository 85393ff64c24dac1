/**
 * One-off dynos in the reconciler. Each one-off record is started once (`restart: never`) in a
 * healthy zone of its app's space, with its release's slug and config plus the request's env;
 * the record is forgotten, and so the dyno stopped, once its process has ended, when it was
 * started but is gone (an attached dyno does not survive a server restart), when no session
 * claimed an attached dyno's secret within a minute, or when its `time_to_live` has passed.
 */
import type { DynoSpec, DynoStatus } from '../../backends/runtime.js';
import { type SlugBlobSigner } from '../blobs/slug-blob-url.js';
import type { OneOffDynoStore } from '../store/one-off-dynos-store.js';
import type { Store } from '../store/store.js';
/** How long an attached dyno waits for its session to claim the rendezvous secret. */
export declare const ATTACH_CLAIM_TIMEOUT_MS = 60000;
/** Drops one-off records whose dyno has ended, vanished, expired or was never attached to. */
export declare function settleOneOffDynos(oneOffDynos: Pick<OneOffDynoStore, 'all' | 'remove'>, actual: readonly DynoStatus[], now?: number): void;
/** Specs of the one-off dynos that should run. */
export declare function desiredOneOffDynos(store: Store, options: {
    slugBlobs: SlugBlobSigner;
    readySpaces: ReadonlyMap<string, readonly string[]>;
}): DynoSpec[];
