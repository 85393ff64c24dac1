/**
 * Runs a level-triggered job one run at a time: a request while a run is in progress asks for
 * exactly one more run after it. Each run reads the whole current state, so coalescing requests
 * loses nothing. The data-plane components use it to follow the store.
 */
export declare class SerialTrigger {
    #private;
    /** `job` must not throw: it reports its own errors. */
    constructor(job: () => Promise<void>);
    /** Asks for a run soon. */
    trigger(): void;
    /** Resolves once no run is in progress or pending. */
    idle(): Promise<void>;
    /** Stops taking requests and waits for the current run. */
    close(): Promise<void>;
}
