/**
 * Retiring a dyno without dropping requests: a routed web dyno first leaves routing (a drain
 * record takes it out of the route feed), and is stopped only once the router says no proxy
 * process sends it requests any more (the record's `drainedAt`), or after a deadline. Dynos
 * nobody routes to (not up, not web, or no router running) stop at once.
 *
 * Level-triggered like the reconciler: `retire()` is called on every pass for every dyno that
 * should go, and answers whether it is gone.
 */
import type { DynoStatus, Runtime } from '../../backends/runtime.js';
import type { Store } from '../store/store.js';
export interface DynoRetirerOptions {
    /**
     * How long a routed dyno may drain before it is stopped anyway, in ms; null when no router
     * runs (nothing to drain from).
     */
    readonly drainTimeoutMs: number | null;
}
export declare class DynoRetirer {
    #private;
    constructor(store: Store, runtime: Runtime, options: DynoRetirerOptions);
    /** Drains, then stops the dyno; true once it is stopped. */
    retire(dyno: DynoStatus): Promise<boolean>;
    /** Forgets drain records of dynos that no longer exist; call it as the store's dynos are rewritten. */
    sweep(actual: readonly DynoStatus[]): void;
}
