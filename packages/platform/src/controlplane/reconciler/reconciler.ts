/**
 * The reconciler the platform starts: the loop (reconcile-loop.ts) over one reconciler per kind
 * of resource, in dependency order. Space networks come first (a space becomes `allocated` only
 * when the runtime says its network is ready), then dynos (which need ready spaces). Networks,
 * peerings, VPN connections and add-ons join as reconcilers of their own: a class implementing
 * ResourceReconciler, listed below with what it runs after, and refusing its resources with
 * `requireCapability()` on backends that lack what they need.
 *
 * Runtime errors never reach the API as they are: they land on the resource (a space's
 * `lastError`; a dyno shown `crashed` with a line in the app's log), retryable ones back off
 * per resource and permanent ones are not retried until the resource changes.
 */
import type { DynoAttachment, Runtime, RuntimeLogLine } from '../../backends/runtime.js';
import type { SlugBlobSigner } from '../blobs/slug-blob-url.js';
import type { Store } from '../store/store.js';
import { DynoReconciler } from './dyno-reconciler.js';
import { ReconcileLoop } from './reconcile-loop.js';
import { SpaceReconciler } from './space-reconciler.js';

export interface ReconcilerOptions {
  readonly intervalMs: number;
  /** How dyno specs name their slug: a signed URL of the API's blob store, with its SHA-256. */
  readonly slugBlobs: SlugBlobSigner;
  readonly onError?: (message: string, error: unknown) => void;
  /** Routed dynos drain this long at most before they stop; unset when no router runs. */
  readonly drainTimeoutMs?: number;
  /** Writes a line to an app's log (e.g. a dyno that cannot start); by default into the store. */
  readonly appLog?: (line: RuntimeLogLine) => void;
}

export class Reconciler {
  readonly #loop: ReconcileLoop;
  readonly #runtime: Runtime;

  constructor(store: Store, runtime: Runtime, options: ReconcilerOptions) {
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
  get passes(): number {
    return this.#loop.passes;
  }

  start(): void {
    this.#loop.start();
  }

  async close(): Promise<void> {
    await this.#loop.close();
  }

  /** Asks for a pass soon; passes never overlap, and a request during one runs another. */
  trigger(): void {
    this.#loop.trigger();
  }

  /**
   * The live stream of an attached one-off dyno (`heroku run`) once it runs, for the rendezvous
   * session that claimed it; null when the dyno is unknown, not attached, or already taken.
   */
  async attachDyno(dynoId: string): Promise<DynoAttachment | null> {
    return (await this.#runtime.attachDyno?.(dynoId)) ?? null;
  }

  /**
   * Stops a one-off dyno whose session went away, at once rather than at the next pass (its
   * record is forgotten first, so a pass that has not started it yet never will).
   */
  async stopAbandonedDyno(dynoId: string): Promise<void> {
    await this.#runtime.stopDyno(dynoId, { graceSeconds: 5 });
  }

  /** One full pass. Exposed for tests. */
  async reconcileOnce(): Promise<void> {
    await this.#loop.reconcileOnce();
  }
}
