/**
 * One reconciler per kind of resource (space networks, dynos; networks, peerings, VPN
 * connections and add-ons next). Each is level-triggered and idempotent: `reconcile()` reads the
 * desired state from the store and what the runtime reports, converges one step, and records
 * the outcome on its resources (never throwing for one resource's failure). The loop
 * (reconcile-loop.ts) runs them in dependency order, one pass at a time.
 */
/** What one reconcile told the loop. */
export interface ReconcileResult {
    /**
     * Run another pass within this many ms even without a change (a back-off ends then); null
     * when only a change or the loop's interval should wake it.
     */
    readonly retryInMs: number | null;
}
export interface ResourceReconciler {
    /** The kind of resource, e.g. "spaces"; names it in error reports. */
    readonly name: string;
    /**
     * Reconcilers whose pass must come first in each loop pass (dynos need their space's network);
     * when one of them throws, this one is skipped for the pass.
     */
    readonly after: readonly ResourceReconciler[];
    reconcile(): Promise<ReconcileResult>;
}
export declare const CONVERGED: ReconcileResult;
