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
export declare class Reconciler {
    #private;
    constructor(store: Store, runtime: Runtime, options: ReconcilerOptions);
    /** Completed passes; tests wait on it. */
    get passes(): number;
    start(): void;
    close(): Promise<void>;
    /** Asks for a pass soon; passes never overlap, and a request during one runs another. */
    trigger(): void;
    /**
     * The live stream of an attached one-off dyno (`heroku run`) once it runs, for the rendezvous
     * session that claimed it; null when the dyno is unknown, not attached, or already taken.
     */
    attachDyno(dynoId: string): Promise<DynoAttachment | null>;
    /**
     * Stops a one-off dyno whose session went away, at once rather than at the next pass (its
     * record is forgotten first, so a pass that has not started it yet never will).
     */
    stopAbandonedDyno(dynoId: string): Promise<void>;
    /** One full pass. Exposed for tests. */
    reconcileOnce(): Promise<void>;
}
