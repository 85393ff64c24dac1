/**
 * Runs a level-triggered job one run at a time: a request while a run is in progress asks for
 * exactly one more run after it. Each run reads the whole current state, so coalescing requests
 * loses nothing. The data-plane components use it to follow the store.
 */
export class SerialTrigger {
    #job;
    #running = null;
    #again = false;
    #closed = false;
    /** `job` must not throw: it reports its own errors. */
    constructor(job) {
        this.#job = job;
    }
    /** Asks for a run soon. */
    trigger() {
        if (this.#closed)
            return;
        if (this.#running !== null) {
            this.#again = true;
            return;
        }
        this.#running = (async () => {
            do {
                this.#again = false;
                await this.#job();
            } while (this.#again && !this.#closed);
            this.#running = null;
        })();
    }
    /** Resolves once no run is in progress or pending. */
    async idle() {
        while (this.#running !== null)
            await this.#running;
    }
    /** Stops taking requests and waits for the current run. */
    async close() {
        this.#closed = true;
        await this.idle();
    }
}
//# sourceMappingURL=serial-trigger.js.map