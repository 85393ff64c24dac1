/**
 * One reconciler per kind of resource (space networks, dynos; networks, peerings, VPN
 * connections and add-ons next). Each is level-triggered and idempotent: `reconcile()` reads the
 * desired state from the store and what the runtime reports, converges one step, and records
 * the outcome on its resources (never throwing for one resource's failure). The loop
 * (reconcile-loop.ts) runs them in dependency order, one pass at a time.
 */
export const CONVERGED = { retryInMs: null };
//# sourceMappingURL=resource-reconciler.js.map