export interface LinkInfo {
    readonly ifname: string;
    readonly operstate: string;
    readonly flags: readonly string[];
    readonly master?: string;
    readonly addrs: readonly string[];
}
/** Names of every named netns (entries of /run/netns). */
export declare function listNetns(): Promise<string[]>;
export declare function netnsExists(name: string): Promise<boolean>;
export declare function addNetns(name: string): Promise<void>;
/** Pids of processes whose network namespace is `name`. */
export declare function netnsPids(name: string): Promise<number[]>;
/**
 * Deletes a netns after SIGKILLing whatever still runs inside it: `ip netns del` with a process
 * inside only unmounts the name and the namespace (veth, address) lives on (findings §5).
 */
export declare function deleteNetns(name: string): Promise<void>;
/** Runs several `ip` commands in one spawn, in `netns` or the current one (null). */
export declare function ipBatch(netns: string | null, lines: readonly string[]): Promise<void>;
/** Links of a netns (or the current one) with their IPv4 addresses, read back from the kernel. */
export declare function listLinks(netns: string | null): Promise<LinkInfo[]>;
/** The interface of the default route and its primary IPv4 address, in the current netns. */
export declare function defaultRouteInterface(): Promise<string | null>;
/** Primary (non-secondary) global IPv4 address of an interface. */
export declare function primaryAddress(ifname: string): Promise<string | null>;
