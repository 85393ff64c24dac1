/**
 * Heroku's dyno lifecycle, without I/O: a backend reports what it observed (the process was
 * launched, bound $PORT, used this much memory, exited, its zone failed, a stop was asked for)
 * and gets back, in order, the effects to carry out: `heroku[<dyno>]` log lines, signals to the
 * dyno's processes, and a note that the reported state changed. It keeps no timers: every event
 * carries the time it happened at, so it is tested with a fake clock.
 *
 * States are Heroku's: `starting` until a web dyno binds $PORT (any other dyno is `up` once
 * launched), `up`, `crashed` when its process ended (and, with restart "always", until the
 * back-off lets it start again), `down` once stopped or while its zone is failed.
 *
 * Restart back-off: the first restart is immediate, then 1 s, 2 s, 4 s… capped at 60 s; a dyno
 * that stayed up for 60 s starts again from an immediate restart (Heroku uses a 20 min cool-off).
 * R10: a web dyno that has not bound $PORT within its boot timeout is killed (once per launch).
 * R14: memory over the quota is logged, at most every 20 s. R15: a dyno the kernel killed for
 * memory (its hard limit is a multiple of the quota) is reported as such when it exits.
 * R12: a process still running when the stop's grace period ends is killed.
 */
import type { DynoState } from '@cove/schema';
import type { DynoSpec } from './runtime.js';
/** What the lifecycle needs to know of a dyno's spec. */
export type DynoLifecycleSpec = Pick<DynoSpec, 'command' | 'listens' | 'restart' | 'bootTimeoutSeconds' | 'limits'>;
/**
 * The lifecycle's persistent part: a backend stores it with the dyno (so a new control plane
 * adopts the dyno where it was) and hands the same object back; the lifecycle changes it in place.
 */
export interface DynoLifecycleState {
    state: DynoState;
    /** When `state` last changed (ISO 8601). */
    updatedAt: string;
    /** How many times the process was launched; names the current launch. */
    launch: number;
    /** When the current launch started (ms since the epoch; reset when a failed zone heals). */
    launchedAt: number;
    /** When the current launch reached `up`, null before. */
    upAt: number | null;
    /** Restarts since the dyno last stayed up for a while; picks the back-off. */
    restarts: number;
    /** When a crashed dyno may start again, null when it is not waiting to. */
    nextRestartAt: number | null;
    /** A stop was asked for: nothing is supervised any more. */
    stopping: boolean;
    /** `down` because its zone failed; it comes back when the zone does. */
    zoneDown: boolean;
    /** The last run's exit status once it ended; null while running (absent in older files). */
    exitCode?: number | null;
}
/** What the backend must do, in order. */
export type DynoEffect = 
/** Write a `heroku[<dyno>]` line with this message. */
{
    readonly type: 'log';
    readonly message: string;
}
/** Send this signal to every process of the dyno. */
 | {
    readonly type: 'signal';
    readonly signal: 'SIGTERM' | 'SIGKILL';
}
/** The state changed (the line was logged before): tell whoever reports dyno states. */
 | {
    readonly type: 'changed';
    readonly from: DynoState;
    readonly to: DynoState;
};
/** How a stop's wait for the processes goes on. */
export type StopProgress = 'waiting' | 'exited' | 'killed';
/** A fresh dyno's lifecycle state, `starting` and never launched. */
export declare function initialLifecycleState(now: number): DynoLifecycleState;
export declare class DynoLifecycle {
    #private;
    constructor(spec: DynoLifecycleSpec, state: DynoLifecycleState);
    get state(): DynoState;
    /** True while the process is meant to run: the backend watches it for an exit, $PORT and memory. */
    get supervised(): boolean;
    /** True while the backend should look for a listener on $PORT (then report `bound` or `notBound`). */
    get awaitingBind(): boolean;
    /** True when a crashed dyno's back-off has run out: call `restarting`, then launch it. */
    restartDue(now: number): boolean;
    /** A crashed dyno is about to be launched again. */
    restarting(now: number): DynoEffect[];
    /** The process is about to be launched (first launch or restart). */
    launching(now: number): DynoEffect[];
    /** The process was launched: a dyno that does not listen is `up` at once. */
    launched(now: number): DynoEffect[];
    /** A listener on $PORT was seen while `starting`. */
    bound(now: number): DynoEffect[];
    /** No listener on $PORT yet: past the boot timeout, R10 and the process is killed (once). */
    notBound(now: number): DynoEffect[];
    /**
     * The process still runs (after the $PORT check): notes when it came up and says whether its
     * memory is due to be sampled (then report `memoryUsed`).
     */
    running(now: number): {
        readonly sampleMemory: boolean;
    };
    /** The dyno's memory use in bytes (null when unknown): over the quota, R14 now and then. */
    memoryUsed(now: number, bytes: number | null): DynoEffect[];
    /**
     * The process ended with `status` (-1: unknown, it vanished); `oomKilled` when the kernel
     * killed it for memory. Crashed (and due for a restart with back-off) or down.
     */
    exited(now: number, status: number, oomKilled: boolean): DynoEffect[];
    /** Zone drills: a dyno in a failed zone is `down` (unreachable); it comes back when the zone does. */
    zoneHealth(now: number, healthy: boolean): DynoEffect[];
    /** A stop was asked for: supervision ends (the backend persists that before it signals). */
    stopRequested(): void;
    /** The stop begins; `running` says whether any process is left to stop. */
    stopBegins(now: number, running: boolean, graceSeconds: number): DynoEffect[];
    /** While stopping: `running` says whether processes are left; past the grace period, R12. */
    stopWait(now: number, running: boolean): {
        readonly progress: StopProgress;
        readonly effects: DynoEffect[];
    };
    /** The stop is over; `status` is the process's exit status when it is known. */
    stopped(now: number, status: number | null): DynoEffect[];
}
