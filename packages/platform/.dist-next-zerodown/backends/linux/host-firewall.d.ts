export interface HostEgress {
    /** The space side of its transit /30, the source the space router masquerades to. */
    readonly transitSpace: string;
    readonly outboundIps: readonly string[];
}
export declare function hostRules(publicInterface: string | null, spaces: readonly HostEgress[], protectedPorts?: readonly number[], routerPorts?: readonly number[]): string;
export declare function applyHostFirewall(publicInterface: string | null, spaces: readonly HostEgress[], protectedPorts?: readonly number[], routerPorts?: readonly number[]): Promise<void>;
export declare function removeHostFirewall(): Promise<void>;
