import { type SpaceAddressing } from '../../shared/space-addressing.js';
export interface SpaceNetworkSpec {
    readonly shortId: string;
    readonly addressing: SpaceAddressing;
    /** Zone name → whether its segment should be up. Zones not listed are up. */
    readonly zoneHealth: ReadonlyMap<string, boolean>;
    /**
     * Dynos may not reach each other (the shared default network, like Heroku's Common Runtime):
     * bridge ports are isolated and the router does not route between zones.
     */
    readonly isolateDynos: boolean;
}
export interface SpaceNetworkState {
    readonly exists: boolean;
    readonly zones: ReadonlyMap<string, {
        up: boolean;
    }>;
}
/** Creates or converges a space network. */
export declare function applySpaceNetwork(spec: SpaceNetworkSpec): Promise<void>;
/** A fixed, locally administered MAC for a zone's bridge. */
export declare function bridgeMac(shortId: string, zone: string): string;
/** The space router's own table: drop by default, allow intra-space, egress, and the VIPs. */
export declare function spaceRouterRules(spec: SpaceNetworkSpec): string;
/** What of a space network exists in the kernel, read back. */
export declare function readSpaceNetwork(shortId: string): Promise<SpaceNetworkState>;
/** Removes the space router netns (SIGKILLing anything left inside) and the transit veth. */
export declare function removeSpaceNetwork(shortId: string): Promise<void>;
