import type { DecodedPacket } from 'dns-packet';
import { type DnsCacheOptions } from './dns-cache.js';
import type { DnsUpstream } from './resolv-conf.js';
export interface DnsForwarderOptions {
    /** Resolvers asked in order; empty means every forwarded query is REFUSED. */
    readonly upstreams: readonly DnsUpstream[];
    /** How long one upstream gets before the next is tried, in ms. @default 1000 */
    readonly attemptTimeoutMs?: number;
    readonly cache?: DnsCacheOptions;
}
/** An upstream's reply: decoded, plus its raw bytes when it came from the wire just now. */
export interface ForwardedReply {
    readonly packet: DecodedPacket;
    readonly raw: Buffer | null;
    readonly fromCache: boolean;
}
export declare class DnsForwarder {
    #private;
    constructor(options: DnsForwarderOptions);
    get hasUpstreams(): boolean;
    get cacheSize(): number;
    /**
     * Resolves `query` (already decoded, with exactly one question) through the cache or the
     * upstreams. `raw` is the client's query, sent on unchanged but for its ID. null when every
     * upstream failed or timed out.
     */
    forward(query: DecodedPacket, raw: Buffer, transport: 'udp' | 'tcp'): Promise<ForwardedReply | null>;
    /** Stops listening for replies; pending queries resolve to null. */
    close(): void;
}
