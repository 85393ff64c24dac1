import { DynoReconciler } from './dyno-reconciler.js';
import { ReconcileLoop } from './reconcile-loop.js';
import { SpaceReconciler } from './space-reconciler.js';
export class Reconciler {
    #loop;
    #runtime;
    constructor(store, runtime, options) {
        this.#runtime = runtime;
        const onError = options.onError;
        const spaces = new SpaceReconciler(store, runtime, onError === undefined ? {} : { onError });
        const dynos = new DynoReconciler(store, runtime, spaces, {
            slugBlobs: options.slugBlobs,
            ...(options.drainTimeoutMs === undefined ? {} : { drainTimeoutMs: options.drainTimeoutMs }),
            ...(onError === undefined ? {} : { onError }),
            ...(options.appLog === undefined ? {} : { appLog: options.appLog }),
        });
        this.#loop = new ReconcileLoop([spaces, dynos], {
            intervalMs: options.intervalMs,
            onChange: (listener) => store.onChange(listener),
            ...(onError === undefined ? {} : { onError }),
        });
    }
    /** Completed passes; tests wait on it. */
    get passes() {
        return this.#loop.passes;
    }
    start() {
        this.#loop.start();
    }
    async close() {
        await this.#loop.close();
    }
    /** Asks for a pass soon; passes never overlap, and a request during one runs another. */
    trigger() {
        this.#loop.trigger();
    }
    /**
     * The live stream of an attached one-off dyno (`heroku run`) once it runs, for the rendezvous
     * session that claimed it; null when the dyno is unknown, not attached, or already taken.
     */
    async attachDyno(dynoId) {
        return (await this.#runtime.attachDyno?.(dynoId)) ?? null;
    }
    /**
     * Stops a one-off dyno whose session went away, at once rather than at the next pass (its
     * record is forgotten first, so a pass that has not started it yet never will).
     */
    async stopAbandonedDyno(dynoId) {
        await this.#runtime.stopDyno(dynoId, { graceSeconds: 5 });
    }
    /** One full pass. Exposed for tests. */
    async reconcileOnce() {
        await this.#loop.reconcileOnce();
    }
}
//# sourceMappingURL=reconciler.js.map