import { type DynoLifecycleState } from '../dyno-lifecycle.js';
import type { DynoSpec, DynoStatus, RuntimeLogLine } from '../runtime.js';
import type { Cgroups } from './cgroups.js';
import { type AttachedDyno } from './attached-dyno.js';
/** The port every dyno's $PORT is set to; each dyno has its own address, so one port suffices. */
export declare const DYNO_PORT = 5000;
export interface DynoContext {
    readonly cgroups: Cgroups;
    readonly binDir: string;
    readonly uid: number;
    readonly gid: number;
    /** The cgroup's hard memory limit is this multiple of the dyno's quota (R15 at the limit). */
    readonly memoryHardLimitFactor: number;
    log(line: RuntimeLogLine): void;
    changed(): void;
}
/** What `dyno.json` holds: where the dyno lives on this host, and its lifecycle state. */
export interface SupervisedDyno extends DynoLifecycleState {
    spec: DynoSpec;
    shortId: string;
    spaceShortId: string;
    zone: string;
    privateIp: string;
    prefixLength: number;
    gateway: string;
    dnsAddress: string;
    isolated: boolean;
    slugAppDir: string;
    /** The cgroup's OOM kill count when the current launch started (more at exit: R15). */
    oomBaseline: number;
    outputOffset: number;
}
export declare class DynoSupervisor {
    #private;
    readonly record: SupervisedDyno;
    readonly dir: string;
    constructor(dir: string, record: SupervisedDyno, ctx: DynoContext);
    static load(dir: string, ctx: DynoContext): Promise<DynoSupervisor | null>;
    get cgroup(): string;
    get netns(): string;
    /** Persists the record; saves are serialized (a stop and a supervision step may overlap). */
    save(): Promise<void>;
    status(): DynoStatus;
    /** The environment of the dyno's command: config vars, then what the platform sets. */
    env(): Record<string, string>;
    createNetwork(): Promise<void>;
    ensureCgroup(): Promise<void>;
    /** Starts (or restarts) the dyno's process. */
    launch(): Promise<void>;
    /** The attached dyno's stream, once: a second session gets null. */
    takeAttachment(): AttachedDyno | null;
    /** One supervision step; never runs twice at once. */
    tick(): Promise<void>;
    /** True while the supervisor or anything in the dyno's cgroup runs. */
    isAlive(): Promise<boolean>;
    /** The live supervisor's pid, checked against its command line (pids get reused). */
    supervisorPid(): Promise<number | null>;
    /** Zone drills: a dyno in a failed zone is `down` (unreachable); it comes back when the zone does. */
    setZoneHealthy(healthy: boolean): Promise<void>;
    /** SIGTERM to the dyno's processes, SIGKILL after the grace period; leaves it `down`. */
    stop(graceSeconds: number): Promise<void>;
    /** Removes every kernel object and file of the dyno. */
    destroy(): Promise<void>;
}
/** True when /proc/net/tcp{,6} show a listener on `port` at `ip`, 0.0.0.0 or ::. */
export declare function listensOn(tcp: string, tcp6: string, ip: string, port: number): boolean;
