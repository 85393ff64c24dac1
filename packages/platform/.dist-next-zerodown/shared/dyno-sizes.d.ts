export interface DynoSize {
    readonly name: string;
    readonly memoryMb: number;
    readonly cpuPercent: number;
    readonly pids: number;
    readonly private: boolean;
}
/** The size for a name, case-insensitively (`Shield-M` → `Private-M`, `1X` → `Standard-1X`). */
export declare function findDynoSize(name: string): DynoSize | undefined;
/** The size name a new process type gets. */
export declare function defaultDynoSize(inSpace: boolean): string;
/** Validates a size for an app in (or outside) a space; returns its canonical name. */
export declare function validateDynoSize(value: unknown, inSpace: boolean): DynoSize;
/** The size's limits, for the runtime; unknown names fall back to the smallest. */
export declare function sizeLimits(name: string): {
    memoryMb: number;
    pids: number;
    cpuPercent: number;
};
