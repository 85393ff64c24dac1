/**
 * Space networks: a space becomes `allocated` only once the runtime says its network is ready
 * (and goes back to `allocating` while it is not), its zones follow the admin's drills, and a
 * `deleting` space loses its dynos and network before it is forgotten. Networks the runtime
 * has but the store does not are removed.
 *
 * Failures land in the space's `lastError`: a retryable one backs off per space, a permanent
 * one (e.g. no runtime at all) is not retried until the space's spec changes.
 */
import type { Runtime } from '../../backends/runtime.js';
import type { Store } from '../store/store.js';
import { type ReconcileResult, type ResourceReconciler } from './resource-reconciler.js';
import { ResourceFailures } from './resource-failures.js';
export interface SpaceReconcilerOptions {
    readonly onError?: (message: string, error: unknown) => void;
    readonly failures?: ResourceFailures;
}
export declare class SpaceReconciler implements ResourceReconciler {
    #private;
    readonly name = "spaces";
    readonly after: readonly ResourceReconciler[];
    constructor(store: Store, runtime: Runtime, options?: SpaceReconcilerOptions);
    /** Spaces whose network was ready in the last pass, with their healthy zones. */
    get readySpaces(): ReadonlyMap<string, readonly string[]>;
    reconcile(): Promise<ReconcileResult>;
}
