/**
 * The loop that drives the resource reconcilers: a pass runs each of them once, in dependency
 * order. Passes are triggered by store changes, by the runtime, by the interval and by the
 * earliest back-off a reconciler asked for; they never overlap, and a trigger during a pass
 * runs one more pass after it.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { SerialTrigger } from '../../shared/serial-trigger.js';
/** Orders reconcilers so each comes after those it names in `after`; throws on a cycle or a stranger. */
export function orderReconcilers(reconcilers) {
    const known = new Set(reconcilers);
    const ordered = [];
    const state = new Map();
    const visit = (r) => {
        if (state.get(r) === 'done')
            return;
        if (state.get(r) === 'visiting')
            throw new Error(`Reconcilers depend on each other in a cycle through "${r.name}"`);
        if (!known.has(r))
            throw new Error(`Reconciler "${r.name}" is a dependency but is not in the loop`);
        state.set(r, 'visiting');
        for (const d of r.after)
            visit(d);
        state.set(r, 'done');
        ordered.push(r);
    };
    for (const r of reconcilers)
        visit(r);
    return ordered;
}
export class ReconcileLoop {
    #reconcilers;
    #options;
    #timer;
    #retryTimer;
    #trigger = new SerialTrigger(() => this.#pass());
    #closed = false;
    #unsubscribe;
    #passes = 0;
    #started = false;
    constructor(reconcilers, options) {
        this.#reconcilers = orderReconcilers(reconcilers);
        this.#options = options;
    }
    /** Completed passes; tests wait on it. */
    get passes() {
        return this.#passes;
    }
    start() {
        this.#started = true;
        this.#unsubscribe = this.#options.onChange?.(() => this.trigger());
        this.#timer = setInterval(() => this.trigger(), this.#options.intervalMs);
        this.#timer.unref();
        this.trigger();
    }
    async close() {
        this.#closed = true;
        this.#unsubscribe?.();
        if (this.#timer !== undefined)
            clearInterval(this.#timer);
        if (this.#retryTimer !== undefined)
            clearTimeout(this.#retryTimer);
        await this.#trigger.close();
    }
    /** Asks for a pass soon; passes never overlap, and a request during one runs another. */
    trigger() {
        this.#trigger.trigger();
    }
    async #pass() {
        await delay(0);
        try {
            await this.reconcileOnce();
        }
        catch (error) {
            this.#options.onError?.('Reconciler pass failed', error);
        }
        this.#passes++;
    }
    /**
     * One pass over every reconciler. A reconciler that throws is reported and its dependents
     * skip this pass; the pass then rejects with the first error (tests call this directly).
     */
    async reconcileOnce() {
        const failed = new Set();
        let retryInMs = null;
        let firstError;
        for (const reconciler of this.#reconcilers) {
            if (reconciler.after.some((d) => failed.has(d))) {
                failed.add(reconciler);
                continue;
            }
            try {
                const result = await reconciler.reconcile();
                if (result.retryInMs !== null)
                    retryInMs = Math.min(retryInMs ?? Infinity, result.retryInMs);
            }
            catch (error) {
                failed.add(reconciler);
                firstError ??= error;
            }
        }
        this.#scheduleRetry(retryInMs);
        if (firstError !== undefined)
            throw firstError instanceof Error ? firstError : new Error(String(firstError));
    }
    /** Wakes the loop when the earliest back-off ends, so a retry waits neither less nor much more. */
    #scheduleRetry(retryInMs) {
        if (this.#retryTimer !== undefined)
            clearTimeout(this.#retryTimer);
        this.#retryTimer = undefined;
        if (retryInMs === null || this.#closed || !this.#started)
            return;
        this.#retryTimer = setTimeout(() => this.trigger(), Math.max(1, retryInMs));
        this.#retryTimer.unref();
    }
}
//# sourceMappingURL=reconcile-loop.js.map