/**
 * Dynos: formations (and pending release phases, and one-off dynos) become dyno specs placed in
 * the ready zones of their space; the rolling plan starts what is missing and the retirer drains
 * and stops what is no longer wanted; what actually runs is written back to the store for the
 * API and the data-plane feeds.
 *
 * A dyno that cannot start is acted on by the runtime's verdict: a retryable error backs off per
 * dyno (and reaches the server log once); a permanent one shows the dyno `crashed`, with a
 * `heroku[web.1]` line in the app's log, and is not tried again until the spec changes (a new
 * release, config, size or restart gives it a new id). A release phase that cannot start fails
 * its release; a one-off dyno that cannot start is forgotten, as one that ended.
 */
import type { Runtime, RuntimeLogLine } from '../../backends/runtime.js';
import type { SlugBlobSigner } from '../blobs/slug-blob-url.js';
import type { Store } from '../store/store.js';
import { type ReconcileResult, type ResourceReconciler } from './resource-reconciler.js';
import { ResourceFailures } from './resource-failures.js';
import type { SpaceReconciler } from './space-reconciler.js';
export interface DynoReconcilerOptions {
    readonly slugBlobs: SlugBlobSigner;
    /** Routed dynos drain this long at most before they stop; unset when no router runs. */
    readonly drainTimeoutMs?: number;
    readonly onError?: (message: string, error: unknown) => void;
    /** Writes a line to an app's log; by default straight into the store's log buffer. */
    readonly appLog?: (line: RuntimeLogLine) => void;
    readonly failures?: ResourceFailures;
}
export declare class DynoReconciler implements ResourceReconciler {
    #private;
    readonly name = "dynos";
    readonly after: readonly ResourceReconciler[];
    constructor(store: Store, runtime: Runtime, spaces: SpaceReconciler, options: DynoReconcilerOptions);
    reconcile(): Promise<ReconcileResult>;
}
