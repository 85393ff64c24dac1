/**
 * What a reconciler remembers about resources that failed to converge, so it acts on the
 * runtime's verdict instead of retrying every pass at full speed:
 *
 * - a retryable error backs off per resource: the next attempt waits `baseMs`, doubling with
 *   each failure up to `capMs`; a success forgets it;
 * - a permanent one (a RuntimeError with `retryable: false`, e.g. `CAPABILITY_MISSING`) stops the
 *   attempts for that key until the key changes (callers put what the resource asks for in it,
 *   so an edit retries at once) or the process restarts.
 *
 * Errors that are not RuntimeErrors count as retryable: nothing said they were permanent.
 */
import { RuntimeError } from '../../shared/errors.js';
/** True when the error says retrying cannot help. */
export function isPermanent(error) {
    return error instanceof RuntimeError && !error.retryable;
}
export function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
export class ResourceFailures {
    #baseMs;
    #capMs;
    #now;
    #entries = new Map();
    constructor(options = {}) {
        this.#baseMs = options.baseMs ?? 1000;
        this.#capMs = options.capMs ?? 30_000;
        this.#now = options.now ?? Date.now;
    }
    /** True while the resource should not be attempted: backing off, or failed for good. */
    waiting(key) {
        const entry = this.#entries.get(key);
        return entry !== undefined && (entry.permanent || this.#now() < entry.retryAt);
    }
    /** The permanent failure's message, if the resource failed for good. */
    permanentFailure(key) {
        const entry = this.#entries.get(key);
        return entry?.permanent === true ? entry.message : null;
    }
    /** Records a failed attempt and judges it. */
    failed(key, error) {
        const message = errorMessage(error);
        const permanent = isPermanent(error);
        const before = this.#entries.get(key);
        const failures = (before?.failures ?? 0) + 1;
        const delay = permanent ? null : Math.min(this.#capMs, this.#baseMs * 2 ** (failures - 1));
        this.#entries.set(key, { failures, retryAt: this.#now() + (delay ?? 0), permanent, message });
        return { permanent, message, retryInMs: delay, isNew: before?.message !== message };
    }
    /** Forgets the resource's failures: it converged. */
    succeeded(key) {
        this.#entries.delete(key);
    }
    /** Forgets every key not in `keys` (resources that went away or changed). */
    retain(keys) {
        for (const key of this.#entries.keys())
            if (!keys.has(key))
                this.#entries.delete(key);
    }
    /** Milliseconds until the earliest pending retry, or null when none is pending. */
    nextRetryInMs() {
        const now = this.#now();
        let next = null;
        for (const entry of this.#entries.values()) {
            if (entry.permanent)
                continue;
            const wait = Math.max(0, entry.retryAt - now);
            if (next === null || wait < next)
                next = wait;
        }
        return next;
    }
}
//# sourceMappingURL=resource-failures.js.map