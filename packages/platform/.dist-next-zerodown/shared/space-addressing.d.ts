/**
 * Addresses inside a space, derived from its CIDR (design §2): never hard-coded.
 * For 10.0.0.0/16: DNS 10.0.0.2, internal router 10.0.0.10 (the VIP /24 at the start of the
 * space, outside every dyno subnet), dyno subnets 10.0.128.0/20, 10.0.144.0/20, 10.0.160.0/20,
 * and a transit /30 from 100.64.0.0/10 picked by the space's index.
 */
export declare const ZONE_NAMES: readonly ["a", "b", "c"];
export interface ZoneAddressing {
    readonly name: string;
    /** e.g. "10.0.128.0/20" */
    readonly subnet: string;
    /** The space router's address in the zone, the dynos' default gateway, e.g. "10.0.128.1". */
    readonly gateway: string;
    /** First and last address handed to dynos. */
    readonly firstHost: string;
    readonly lastHost: string;
}
export interface SpaceAddressing {
    readonly cidr: string;
    readonly dnsAddress: string;
    readonly routerAddress: string;
    readonly zones: readonly ZoneAddressing[];
    /** Host side and space side of the transit /30. */
    readonly transitHost: string;
    readonly transitSpace: string;
}
/** IPv4 dotted quad → unsigned 32-bit integer. */
export declare function ipToInt(ip: string): number;
/** Unsigned 32-bit integer → IPv4 dotted quad. */
export declare function intToIp(n: number): string;
/** Parses "a.b.c.d/len" into its network address (as an integer) and prefix length. */
export declare function parseCidr(cidr: string): {
    network: number;
    prefix: number;
};
/** True when the address lies in the CIDR. */
export declare function cidrContains(cidr: string, ip: string): boolean;
/** True when two CIDRs share at least one address. */
export declare function cidrsOverlap(a: string, b: string): boolean;
/** 100.64.0.0/10 holds 2^20 /30s. */
export declare const MAX_SPACE_INDEX: number;
/** Derives every address of a space from its /16 and its index. */
export declare function spaceAddressing(cidr: string, index: number): SpaceAddressing;
/** The addresses inside a space, from its /16 alone: the transit /30 is a backend's own business. */
export declare function spaceAddresses(cidr: string): Omit<SpaceAddressing, 'transitHost' | 'transitSpace'>;
