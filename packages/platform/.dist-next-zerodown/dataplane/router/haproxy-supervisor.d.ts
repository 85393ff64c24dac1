import type { Logger } from '../../shared/log.js';
import type { RenderedHaproxy } from './haproxy-config.js';
export interface HaproxySupervisorOptions {
    /** Working directory: the master's files and one `gen-<n>/` per configuration (maps, admin socket). */
    readonly dir: string;
    /** @default "haproxy" */
    readonly binary?: string;
    /** `cgroup.procs` files every process joins, so cleanup finds them. @default [] */
    readonly cgroupProcs?: readonly string[];
    /** Called for each admin command sent again after its connection failed. */
    readonly onAdminRetry?: () => void;
    /** @default silent */
    readonly log?: Logger;
}
export interface HaproxyPaths {
    readonly statsSocket: string;
    readonly mapsDir: string;
}
export declare class HaproxyError extends Error {
    readonly name = "HaproxyError";
}
/** One command on a HAProxy admin or master socket; resolves with its answer. */
export declare function adminCommand(socket: string, line: string, timeoutMs?: number): Promise<string>;
export declare class HaproxySupervisor {
    #private;
    constructor(options: HaproxySupervisorOptions);
    /** The current worker's pid. */
    get pid(): number | undefined;
    /** The master's pid (it outlives workers and `cove server`). */
    get masterPid(): number | undefined;
    /**
     * Adopts the HAProxy an earlier server left running with this directory (the master named in
     * `state.json`, if it still is that process and runs this directory's configuration, with its
     * current worker answering) and returns the router state saved with it; otherwise stops
     * whatever is left, empties the directory and returns null.
     */
    start(): Promise<unknown>;
    /**
     * Stops the HAProxy this directory's state (or an earlier layout's pidfiles) names, only if it
     * still is that process running this directory's configuration, and empties the directory.
     * Starts nothing (`cove server --stop-data-plane`).
     */
    stopLeftover(): Promise<void>;
    /** Remembers the router's bookkeeping with the processes' (written at once). */
    save(routerState: unknown): Promise<void>;
    /**
     * Makes `render`'s configuration the serving one (a no-op when it equals the current one).
     * `dynoIds` are the dynos it routes to, for `routes()`.
     */
    apply(render: (paths: HaproxyPaths) => RenderedHaproxy, dynoIds: readonly string[]): Promise<boolean>;
    /** Where the serving worker's map and pattern files are (`command()` changes them by that path). */
    get mapsDir(): string | null;
    /** Whether a current worker serves (then `command()` reaches it). */
    get serving(): boolean;
    /**
     * Runs admin-socket commands on the current worker, one connection each, and returns their
     * answers; `dynoIds` become the dynos it routes to. A command whose connection fails before
     * it was sent is sent again (bounded); any other failure is thrown and the caller converges
     * by a new generation.
     */
    command(commands: readonly string[], dynoIds: readonly string[]): Promise<string[]>;
    /** True while some HAProxy worker (current or still finishing) may route to the dyno. */
    routes(dynoId: string): boolean;
    /** Old workers still finishing their requests. */
    get finishing(): number;
    /**
     * Stops every process (master, current and finishing workers) and waits for them to exit;
     * with `keepRunning`, leaves them serving for the next server to adopt (state saved).
     */
    close(options?: {
        readonly keepRunning?: boolean;
    }): Promise<void>;
}
