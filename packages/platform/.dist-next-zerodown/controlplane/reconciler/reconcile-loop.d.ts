import type { ResourceReconciler } from './resource-reconciler.js';
export interface ReconcileLoopOptions {
    /** A pass runs at least this often, even without a trigger. */
    readonly intervalMs: number;
    /** Subscribes to changes of desired state; returns the unsubscribe. */
    readonly onChange?: (listener: () => void) => () => void;
    readonly onError?: (message: string, error: unknown) => void;
}
/** Orders reconcilers so each comes after those it names in `after`; throws on a cycle or a stranger. */
export declare function orderReconcilers(reconcilers: readonly ResourceReconciler[]): ResourceReconciler[];
export declare class ReconcileLoop {
    #private;
    constructor(reconcilers: readonly ResourceReconciler[], options: ReconcileLoopOptions);
    /** Completed passes; tests wait on it. */
    get passes(): number;
    start(): void;
    close(): Promise<void>;
    /** Asks for a pass soon; passes never overlap, and a request during one runs another. */
    trigger(): void;
    /**
     * One pass over every reconciler. A reconciler that throws is reported and its dependents
     * skip this pass; the pass then rejects with the first error (tests call this directly).
     */
    reconcileOnce(): Promise<void>;
}
