/**
 * The linux backend's space DNS (design §4): one DNS child process serves every space, on
 * sockets this runtime binds at each space's DNS address inside the space network and hands
 * over. The control plane's DNS feed gets each space's router addresses here (./dns-addresses.ts)
 * before the child answers from it.
 *
 * The shared default network (apps outside any space) gets a server too, with no discovery
 * names (as in Heroku's Common Runtime): it only forwards, so those dynos can resolve the world.
 */
import type { DnsFeed } from '../../dataplane/dns/dns-feed.js';
import type { Logger } from '../../shared/log.js';
import type { DnsPlane } from '../backend.js';
import type { SpaceListenRequest, SpaceSockets } from '../runtime.js';
import type { LinuxSpaceNetwork } from './linux-runtime.js';
/** The DNS server's key for the shared default network; no space has this id. */
export declare const DEFAULT_NETWORK_DNS_KEY = "default-network";
export interface LinuxDnsPlaneOptions {
    readonly networkOf: (spaceId: string) => LinuxSpaceNetwork | null;
    /** Binds sockets on a space's virtual address (null: the default network) for the child. */
    readonly listenInSpace: (spaceId: string | null, request: SpaceListenRequest) => Promise<SpaceSockets>;
    readonly log: Logger;
    /** The DNS child's entry point. @default dist/bin/dns.js */
    readonly entry?: string;
}
export declare class LinuxDnsPlane implements DnsPlane {
    #private;
    constructor(options: LinuxDnsPlaneOptions);
    start(): Promise<void>;
    update(feed: DnsFeed): Promise<void>;
    close(): Promise<void>;
}
