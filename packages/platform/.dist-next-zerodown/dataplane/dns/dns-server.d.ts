/**
 * One DNS server for every space. Each space's sockets are bound by someone else (inside the
 * space's network namespace, then handed over) and attached here; the space a query belongs to is
 * the socket it arrived on, never anything in the packet.
 *
 * RFC 1035 §4.2.1 (UDP, 512 bytes unless EDNS says more, TC when it does not fit) and §4.2.2 (TCP,
 * two-byte length prefix, several queries per connection, RFC 7766 §6.2.1 allows any reply order).
 * Anything that is not one well-formed query gets FORMERR, NOTIMP or silence, never an exception.
 */
import type dgram from 'node:dgram';
import type net from 'node:net';
import type { DnsCacheOptions } from './dns-cache.js';
import type { DnsServerFeed } from './dns-feed.js';
import type { DnsUpstream } from './resolv-conf.js';
export interface DnsServerOptions {
    /** Resolvers for names Cove does not own, asked in order; [] answers them REFUSED. */
    readonly upstreams: readonly DnsUpstream[];
    /** TTL of Cove's own records, in seconds; short so a dyno going up or down shows at once. @default 1 */
    readonly ttl?: number;
    /** How long one upstream gets, in ms. @default 1000 */
    readonly attemptTimeoutMs?: number;
    readonly cache?: DnsCacheOptions;
    /** A TCP connection idle this long is closed, in ms (RFC 7766 §6.2.3). @default 10000 */
    readonly tcpIdleTimeoutMs?: number;
    /** Socket errors (the server keeps going). @default ignore */
    readonly onError?: (error: Error, spaceId: string) => void;
}
/** Sockets already bound to a space's DNS address (port 53 in production). */
export interface DnsSockets {
    readonly udp: dgram.Socket;
    readonly tcp?: net.Server | undefined;
}
type Transport = 'udp' | 'tcp';
export declare class DnsServer {
    #private;
    constructor(options: DnsServerOptions);
    /** Replaces every space's records; the next query sees the new ones. */
    update(feed: DnsServerFeed): void;
    /** Spaces with attached sockets. */
    get spaceIds(): string[];
    /** Entries in the forwarding cache. */
    get cacheSize(): number;
    /**
     * Serves `spaceId` on already-bound sockets; the server owns them from now on and closes them
     * on `detach` or `close`. A space may have several (say its VIP and a peering address).
     */
    attach(spaceId: string, sockets: DnsSockets): void;
    /** Stops serving `spaceId` and closes its sockets and TCP connections. */
    detach(spaceId: string): Promise<void>;
    /** Detaches every space and stops forwarding. */
    close(): Promise<void>;
    /**
     * The reply to one message from `spaceId`, or null for silence. Never throws: a malformed
     * query gets FORMERR (when its header can be read) or nothing.
     */
    reply(spaceId: string, msg: Buffer, transport: Transport): Promise<Buffer | null>;
}
export {};
