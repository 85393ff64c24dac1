export class DynoRetirer {
    #store;
    #runtime;
    #options;
    constructor(store, runtime, options) {
        this.#store = store;
        this.#runtime = runtime;
        this.#options = options;
    }
    /** Drains, then stops the dyno; true once it is stopped. */
    async retire(dyno) {
        const store = this.#store;
        const timeout = this.#options.drainTimeoutMs;
        const drain = store.dynos.drainOf(dyno.id);
        if (timeout !== null && dyno.type === 'web' && dyno.state === 'up' && drain === undefined) {
            store.dynos.startDrain({ dynoId: dyno.id, appId: dyno.appId, startedAt: new Date().toISOString(), drainedAt: null });
            store.changed();
            return false;
        }
        if (timeout !== null && drain !== undefined && drain.drainedAt === null && Date.now() - Date.parse(drain.startedAt) < timeout && dyno.state === 'up') {
            return false;
        }
        // The drain record stays until `sweep()`, which runs when the store's dynos are rewritten:
        // deleting it earlier would put the stopped dyno back in the route feed for a moment.
        await this.#runtime.stopDyno(dyno.id);
        return true;
    }
    /** Forgets drain records of dynos that no longer exist; call it as the store's dynos are rewritten. */
    sweep(actual) {
        const ids = new Set(actual.map((d) => d.id));
        for (const drain of this.#store.dynos.drains()) {
            if (!ids.has(drain.dynoId))
                this.#store.dynos.forgetDrain(drain.dynoId);
        }
    }
}
//# sourceMappingURL=dyno-retirer.js.map