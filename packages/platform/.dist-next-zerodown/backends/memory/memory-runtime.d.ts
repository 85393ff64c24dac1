import type { Capability, DynoSpec, DynoStatus, Runtime, RuntimeHooks, SpaceSpec, SpaceStatus } from '../runtime.js';
import { type RuntimeErrorCode } from '../../shared/errors.js';
export declare class MemoryRuntime implements Runtime {
    #private;
    readonly kind = "memory";
    readonly capabilities: ReadonlySet<Capability>;
    constructor(options?: {
        hooks?: RuntimeHooks;
        outboundIps?: readonly string[];
    });
    start(): Promise<void>;
    close(): Promise<void>;
    applySpace(spec: SpaceSpec): Promise<SpaceStatus>;
    removeSpace(spaceId: string): Promise<void>;
    listSpaces(): Promise<SpaceStatus[]>;
    startDyno(spec: DynoSpec): Promise<void>;
    stopDyno(dynoId: string): Promise<void>;
    listDynos(): Promise<DynoStatus[]>;
    cleanup(): Promise<void>;
    /** Test hook: every startDyno() throws this RuntimeError until called with undefined. */
    failStarts(failure: {
        code: RuntimeErrorCode;
        message: string;
        retryable: boolean;
    } | undefined): void;
    /** Test hook: makes a dyno's process exit as if it had crashed. */
    crash(dynoId: string): void;
}
