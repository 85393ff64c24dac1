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

export class DynoRetirer {
  readonly #store: Store;
  readonly #runtime: Runtime;
  readonly #options: DynoRetirerOptions;

  constructor(store: Store, runtime: Runtime, options: DynoRetirerOptions) {
    this.#store = store;
    this.#runtime = runtime;
    this.#options = options;
  }

  /** Drains, then stops the dyno; true once it is stopped. */
  async retire(dyno: DynoStatus): Promise<boolean> {
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
  sweep(actual: readonly DynoStatus[]): void {
    const ids = new Set(actual.map((d) => d.id));
    for (const drain of this.#store.dynos.drains()) {
      if (!ids.has(drain.dynoId)) this.#store.dynos.forgetDrain(drain.dynoId);
    }
  }
}
