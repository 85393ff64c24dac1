/**
 * Which dynos the reconciler starts and stops, and when (pure: data in, decisions out).
 *
 * Apps in a space roll: each process type is replaced 25 % at a time (rounded up), and an old
 * dyno is stopped only once its replacement (the desired dyno of the same name) is `up`, so a
 * formation of N never has fewer than N dynos serving while it rolls (a one-dyno app starts
 * its new dyno, then stops the old one). Deploys, config changes, rollbacks and restarts all
 * give dynos new ids, so they all roll the same way. A roll stalls, with the old dynos still
 * serving, while a replacement does not come up.
 *
 * Apps outside a space are replaced all at once, each old dyno kept until its replacement has
 * left `starting`. In both cases dynos that add capacity (a new dyno number, or one whose old
 * dyno is not serving) start at once, and old dynos that are not `up`, that belong to a
 * destroyed app or a failed zone, or that nothing replaces, stop at once.
 */
import type { DynoSpec, DynoStatus } from '../../backends/runtime.js';
/** The share of a process type replaced at a time while rolling. */
export declare const ROLLING_FRACTION = 0.25;
/** How many dynos of a formation of `quantity` are replaced at once. */
export declare function rollingBatchSize(quantity: number): number;
/** The desired dynos that are not running and may start now. */
export declare function dynosToStart(desired: readonly DynoSpec[], actual: readonly DynoStatus[]): DynoSpec[];
/** Whether a running dyno that is no longer desired should stop now. */
export declare function shouldStop(dyno: DynoStatus, context: {
    readonly desired: readonly DynoSpec[];
    readonly actual: readonly DynoStatus[];
    /** Apps that still exist. */
    readonly liveApps: ReadonlySet<string>;
    /** The dyno's zone has failed (it cannot serve). */
    readonly zoneFailed: boolean;
}): boolean;
