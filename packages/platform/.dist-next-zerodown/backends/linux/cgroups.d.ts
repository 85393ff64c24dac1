export interface CgroupLimits {
    readonly memoryBytes: number;
    readonly pids: number;
    /** Percent of one CPU (100 = one core). */
    readonly cpuPercent: number;
}
export declare class Cgroups {
    readonly version: 1 | 2;
    /** The parent's path relative to each hierarchy's root, e.g. "cove". */
    readonly parent: string;
    constructor(parent: string);
    /** Directories of one cgroup, one per hierarchy (v1) or the single unified one (v2). */
    dirs(name: string): string[];
    /** The `cgroup.procs` files a process writes its pid to, to join the cgroup. */
    procsFiles(name: string): string[];
    create(name: string, limits: CgroupLimits): Promise<void>;
    exists(name: string): Promise<boolean>;
    /** Every pid in the cgroup (union over hierarchies). */
    pids(name: string): Promise<number[]>;
    signal(name: string, signal: NodeJS.Signals, except?: ReadonlySet<number>): Promise<number>;
    /** Bytes currently charged to the cgroup, or null when it is gone. */
    memoryUsage(name: string): Promise<number | null>;
    /** How many times the kernel's OOM killer fired inside the cgroup. */
    oomKills(name: string): Promise<number>;
    /** SIGKILLs everything inside and removes the cgroup directories. */
    remove(name: string, timeoutMs?: number): Promise<void>;
    /** Names of the cgroups under the parent. */
    list(): Promise<string[]>;
    /** Removes every cgroup under the parent, then the parent itself. */
    removeAll(): Promise<void>;
    /** The parent directories that exist, for tests and `cleanup()` checks. */
    existingParents(): string[];
}
