import { CONVERGED } from './resource-reconciler.js';
import { ResourceFailures } from './resource-failures.js';
export class SpaceReconciler {
    name = 'spaces';
    after = [];
    #store;
    #runtime;
    #options;
    #failures;
    #ready = new Map();
    constructor(store, runtime, options = {}) {
        this.#store = store;
        this.#runtime = runtime;
        this.#options = options;
        this.#failures = options.failures ?? new ResourceFailures();
    }
    /** Spaces whose network was ready in the last pass, with their healthy zones. */
    get readySpaces() {
        return this.#ready;
    }
    async reconcile() {
        const store = this.#store;
        const ready = new Map();
        const known = new Set();
        const keys = new Set();
        for (const space of store.spaces.listByAge()) {
            known.add(space.id);
            if (space.state === 'deleting') {
                const key = `delete ${space.id}`;
                keys.add(key);
                if (!this.#failures.waiting(key))
                    await this.#delete(space, key);
                continue;
            }
            const spec = this.#spec(space);
            // What the space asks for is in the key: a changed spec is tried at once, even after a permanent failure.
            const key = `apply ${JSON.stringify(spec)}`;
            keys.add(key);
            // A space whose network last failed is not ready (its dynos wait) until an apply succeeds.
            if (this.#failures.waiting(key))
                continue;
            try {
                const status = await this.#runtime.applySpace(spec);
                this.#failures.succeeded(key);
                const state = status.ready ? 'allocated' : 'allocating';
                const changed = state !== space.state || space.lastError !== null || JSON.stringify(status.outboundIps) !== JSON.stringify(space.outboundIps);
                if (changed) {
                    store.spaces.recordNetwork(space.id, { state, outboundIps: status.outboundIps });
                    store.observed();
                }
                if (status.ready)
                    ready.set(space.id, status.zones.filter((z) => z.healthy).map((z) => z.name));
            }
            catch (error) {
                this.#recordError(space, key, error);
            }
        }
        this.#failures.retain(keys);
        this.#ready = ready;
        for (const status of await this.#runtime.listSpaces()) {
            if (!known.has(status.id))
                await this.#runtime.removeSpace(status.id);
        }
        const retryInMs = this.#failures.nextRetryInMs();
        return retryInMs === null ? CONVERGED : { retryInMs };
    }
    #spec(space) {
        const zones = this.#store.spaces.zones(space.id);
        return {
            id: space.id,
            name: space.name,
            cidr: space.cidr,
            dataCidr: space.dataCidr,
            outboundIps: space.outboundIps,
            zones: zones.map((z) => ({ name: z.name, healthy: z.healthy })),
        };
    }
    async #delete(space, key) {
        try {
            for (const dyno of await this.#runtime.listDynos()) {
                if (dyno.spaceId === space.id)
                    await this.#runtime.stopDyno(dyno.id, { graceSeconds: 5 });
            }
            await this.#runtime.removeSpace(space.id);
            // Two steps, each idempotent: a crash between them repeats the deletion next pass.
            this.#store.dynos.forgetInSpace(space.id);
            this.#store.spaces.forgetDeleted(space.id);
            this.#failures.succeeded(key);
            this.#store.observed();
        }
        catch (error) {
            this.#recordError(space, key, error);
        }
    }
    #recordError(space, key, error) {
        const verdict = this.#failures.failed(key, error);
        if (verdict.message !== space.lastError) {
            this.#store.spaces.recordLastError(space.id, verdict.message);
            const what = verdict.permanent ? 'failed' : `did not converge (retrying in ${Math.round((verdict.retryInMs ?? 0) / 1000)} s)`;
            this.#options.onError?.(`Space ${space.name} ${what}`, error);
        }
    }
}
//# sourceMappingURL=space-reconciler.js.map