import type { Capability, DynoStatus, Runtime, SpaceStatus } from '../runtime.js';
export declare class NoRuntime implements Runtime {
    #private;
    readonly kind = "none";
    readonly capabilities: ReadonlySet<Capability>;
    constructor(reason: string);
    start(): Promise<void>;
    close(): Promise<void>;
    applySpace(): Promise<SpaceStatus>;
    removeSpace(): Promise<void>;
    listSpaces(): Promise<SpaceStatus[]>;
    startDyno(): Promise<void>;
    stopDyno(): Promise<void>;
    listDynos(): Promise<DynoStatus[]>;
    cleanup(): Promise<void>;
}
