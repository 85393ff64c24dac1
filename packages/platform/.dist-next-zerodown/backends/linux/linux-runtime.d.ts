import type { Capability, DynoAttachment, DynoSpec, DynoStatus, Runtime, RuntimeHooks, SpaceListenRequest, SpaceSockets, SpaceSpec, SpaceStatus } from '../runtime.js';
export interface LinuxRuntimeOptions {
    /** Cove's data directory; the runtime keeps its files under `<dataDir>/runtime/`. */
    readonly dataDir: string;
    /** Where space egress leaves the host. @default the interface of the default route */
    readonly publicInterface: string | null;
    /** Addresses of the public interface spaces send from. @default its primary address, shared */
    readonly outboundIps: readonly string[];
    readonly hooks?: RuntimeHooks;
    /**
     * Host ports that must never be reachable from a dyno. Every host port already is unreachable
     * from spaces (the host drops new connections from transit links); these are dropped explicitly
     * as well, so the guarantee survives later ingress rules.
     */
    readonly protectedPorts?: readonly number[];
    /** Host ports of the public router, which dynos may reach (TCP). @default [] */
    readonly routerPorts?: readonly number[];
    /** The cgroup parent every dyno cgroup lives under (per hierarchy). @default "cove" */
    readonly cgroupParent?: string;
    /** Uid and gid dynos run as. @default 64600 */
    readonly dynoUid?: number;
    readonly dynoGid?: number;
    /** The cgroup hard memory limit as a multiple of the dyno's memory quota. @default 2 */
    readonly memoryHardLimitFactor?: number;
    /** The shared default network for apps outside any space. @default "10.255.0.0/16" */
    readonly defaultNetworkCidr?: string;
    /** How often dynos are polled (output, up, exit, memory). @default 200 */
    readonly pollIntervalMs?: number;
    /**
     * The control plane's blob directory, when it runs on this host: a slug whose tarball is there
     * (`<localBlobDir>/slugs/<id>.tgz`) with the right SHA-256 is read directly instead of fetched
     * from its URL. @default null (always fetch)
     */
    readonly localBlobDir?: string | null;
}
export declare class LinuxRuntime implements Runtime {
    #private;
    readonly kind = "linux";
    readonly capabilities: ReadonlySet<Capability>;
    constructor(options: LinuxRuntimeOptions);
    /** The cgroup parent directories, for tests and operators. */
    get cgroupParents(): string[];
    start(): Promise<void>;
    close(): Promise<void>;
    applySpace(spec: SpaceSpec): Promise<SpaceStatus>;
    removeSpace(spaceId: string): Promise<void>;
    listSpaces(): Promise<SpaceStatus[]>;
    listenInSpace(spaceId: string | null, request: SpaceListenRequest): Promise<SpaceSockets>;
    startDyno(spec: DynoSpec): Promise<void>;
    attachDyno(dynoId: string): Promise<DynoAttachment | null>;
    stopDyno(dynoId: string, options?: {
        graceSeconds?: number;
    }): Promise<void>;
    listDynos(): Promise<DynoStatus[]>;
    cleanup(): Promise<void>;
    /**
     * Linux only (not part of Runtime), for the linux data plane (router, DNS) and tests: where a space's network is: the namespace of its router, its virtual addresses and its
     * transit link; null while this runtime holds no network for the space. `null` asks for the
     * shared default network (no internal router, no transit address of its own).
     */
    spaceNetwork(spaceId: string | null): LinuxSpaceNetwork | null;
}
/** A space network as the linux data plane needs it (see LinuxRuntime.spaceNetwork). */
export interface LinuxSpaceNetwork {
    /** The space router's network namespace, e.g. "cvs-1a2b3c4d". */
    readonly namespace: string;
    /** The space's DNS and internal router virtual addresses; null for the default network. */
    readonly dnsAddress: string | null;
    readonly routerAddress: string | null;
    /** Host side of the transit link: where the space's dynos reach the public router. */
    readonly transitHost: string | null;
    /** Space side of the transit link: where the public router sees the space's dynos come from. */
    readonly transitSpace: string | null;
}
