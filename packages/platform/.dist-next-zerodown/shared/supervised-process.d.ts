/**
 * One long-running helper process of `cove server` (the DNS server, the drain forwarder, later
 * VPN daemons and add-on servers), supervised the same way whichever it is:
 *
 * - start: spawn an executable or fork a Node module (with an IPC channel), with its arguments
 *   and environment, optionally inside cgroups (it joins them before it runs anything);
 * - readiness: `start()` resolves once the process is ready — when it was spawned, when it sent
 *   a `{ type: <message> }` IPC message, when a probe succeeds, or when a handshake resolves;
 * - restart: a process that dies without `stop()` is started again after a back-off (immediate,
 *   then 1 s, 2 s, 4 s… capped at 60 s; a run that lasted 60 s starts the back-off over);
 * - stop: a polite request (SIGTERM unless the owner asks over IPC), then SIGKILL after a grace;
 * - adopt: with a pidfile, a new control plane takes over a process an earlier one started,
 *   after checking that the pid is still that process (its start time in /proc/<pid>/stat and
 *   its command line): a pid reused by another process is never signalled.
 *
 * An adopted process is not this process's child: it has no IPC channel and its exit is seen by
 * polling /proc. So adoption suits daemons reached over sockets, not IPC children.
 */
import { type ChildProcess, type StdioOptions } from 'node:child_process';
/** A process, told apart from a later one given the same pid. */
export interface ProcessIdentity {
    readonly pid: number;
    /** Field 22 of /proc/<pid>/stat: clock ticks after boot at which the process started. */
    readonly startTime: string;
}
/** The identity of the live process `pid`, or null when there is none (or it is a zombie). */
export declare function processIdentity(pid: number): ProcessIdentity | null;
/** True while `identity`'s process runs (not merely some process with its pid). */
export declare function isRunning(identity: ProcessIdentity): boolean;
/** Sends `signal` to `identity`'s process if it still is that process; false when it is gone. */
export declare function signalProcess(identity: ProcessIdentity, signal: NodeJS.Signals): boolean;
/**
 * Stops `identity`'s process: SIGTERM, then SIGKILL once `graceMs` passed; resolves when it is
 * gone. Never signals a process that merely reuses the pid.
 */
export declare function terminateProcess(identity: ProcessIdentity, graceMs: number): Promise<void>;
/** Restart back-off: immediate, then 1 s, 2 s, 4 s… capped at 60 s. */
export declare function restartBackoffMs(restarts: number): number;
/** When a started process counts as ready. */
export type Readiness = 
/** As soon as it was spawned. */
'spawned'
/** When it sends this IPC message (`{ type: message }`); needs `fork`. */
 | {
    readonly message: string;
}
/** When the probe resolves true (polled). */
 | {
    readonly probe: () => Promise<boolean>;
    readonly intervalMs?: number;
}
/** When the handshake resolves (e.g. an init request acknowledged over IPC). */
 | {
    readonly handshake: (child: ChildProcess) => Promise<void>;
};
/** What to run: an executable, or a Node module forked with an IPC channel. */
export type ProcessCommand = {
    readonly command: string;
    readonly args?: readonly string[];
} | {
    readonly fork: string;
    readonly args?: readonly string[];
};
export interface SupervisedProcessOptions {
    /** Named in errors, e.g. "the DNS process". */
    readonly name: string;
    readonly run: ProcessCommand;
    /** @default the parent's environment (fork) or none but PATH (command) */
    readonly env?: NodeJS.ProcessEnv;
    /** @default ['ignore', 'ignore', 'inherit'] plus 'ipc' for a fork */
    readonly stdio?: StdioOptions;
    /** `cgroup.procs` files the process joins before it runs. @default [] */
    readonly cgroupProcs?: readonly string[];
    /** @default 'spawned' */
    readonly ready?: Readiness;
    /** How long readiness may take before the start fails (the process is killed). @default 10_000 */
    readonly readyTimeoutMs?: number;
    /** Whether a process that dies unexpectedly is started again. @default true */
    readonly restart?: boolean;
    /** The delay before restart number `restarts + 1`. @default restartBackoffMs */
    readonly restartDelayMs?: (restarts: number) => number;
    /** A run at least this long starts the back-off over. @default 60_000 */
    readonly stableMs?: number;
    /** How long `stop()` waits after its request before SIGKILL. @default 5000 */
    readonly stopGraceMs?: number;
    /** How `stop()` asks the process to finish. @default SIGTERM */
    readonly stopRequest?: (child: ChildProcess) => void;
    /** Where the process's identity is kept for `adopt()`; written on start, removed on stop. */
    readonly pidFile?: string;
    /** Each time a process is ready (first start, restart, adoption); it may set up the process. */
    readonly onReady?: (child: ChildProcess | null) => void | Promise<void>;
    /** A process ended without `stop()`; `restarting` says whether another one will be started. */
    readonly onExit?: (code: number | null, signal: NodeJS.Signals | null, restarting: boolean) => void;
    /** A restart failed (it is retried with back-off). */
    readonly onError?: (error: Error) => void;
}
export declare class SupervisedProcessError extends Error {
    readonly name = "SupervisedProcessError";
}
export declare class SupervisedProcess {
    #private;
    constructor(options: SupervisedProcessOptions);
    /** The process's pid while it runs. */
    get pid(): number | undefined;
    /** The running child (null when adopted or not running). */
    get child(): ChildProcess | null;
    /** True while a ready process runs. */
    get running(): boolean;
    /**
     * Starts the process and resolves once it is ready. While a restart is pending or in progress
     * it joins that one; while a process runs it is a no-op.
     */
    start(): Promise<void>;
    /**
     * Takes over the process the pidfile names if it still runs as started (same start time and
     * command line); true when adopted. Stale pidfiles are removed.
     */
    adopt(): Promise<boolean>;
    /** Stops the process (request, grace, SIGKILL) and any pending restart; resolves once it is gone. */
    stop(): Promise<void>;
}
