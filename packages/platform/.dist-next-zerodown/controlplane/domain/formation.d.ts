import type { AppRecord, FormationRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
/** Heroku's limit on dynos of one process type. */
export declare const MAX_QUANTITY = 100;
/** One entry of a formation batch update, as the client sent it. */
export interface FormationUpdate {
    readonly type: string;
    /** A whole number, or a string `"3"`, `"+1"`, `"-1"`. */
    readonly quantity?: unknown;
    readonly size?: unknown;
}
/** Resolves `3`, `"3"`, `"+1"`, `"-1"` against the current quantity. */
export declare function resolveQuantity(value: unknown, current: number, type: string): number;
/** The app's formation row of a process type; 404 when the app has no such type. */
export declare function findFormation(store: Store, app: AppRecord, type: string): FormationRecord;
/**
 * Scales the formation: every update checked before any is written (one bad entry changes
 * nothing); returns the changed rows in the order asked.
 */
export declare function scaleFormation(store: Store, app: AppRecord, user: UserRecord, updates: readonly FormationUpdate[]): FormationRecord[];
/** What a restart or stop names: every dyno, one process type, or one dyno (`web.1`, `run.4821`). */
export interface RestartTarget {
    readonly type?: string;
    readonly dyno?: string;
}
/**
 * Restarts (or stops: `verb`) dynos by bumping restart epochs; the reconciler replaces the
 * matching dynos. A one-off dyno is not brought back: restarting or stopping it ends it.
 */
export declare function restartDynos(store: Store, app: AppRecord, user: UserRecord, target: RestartTarget, verb?: 'Restart' | 'Stop'): void;
