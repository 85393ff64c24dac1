/**
 * A small TTL-respecting cache of upstream answers (RFC 1035 §7.4, RFC 2308 for negative
 * answers), least recently used first out. Entries keep the decoded packet; a hit is re-encoded
 * with its TTLs reduced by the time spent in the cache.
 */
import type { DecodedPacket } from 'dns-packet';
export interface DnsCacheOptions {
    /** @default 10000 */
    readonly maxEntries?: number;
    /** Longest time an answer is kept, in seconds, whatever its TTL. @default 300 */
    readonly maxTtl?: number;
    /** Clock in milliseconds. @default Date.now */
    readonly now?: () => number;
}
/**
 * How long a response may be cached, in seconds; 0 for "not at all". Positive answers live as
 * long as their shortest TTL; NXDOMAIN and NODATA as long as the SOA allows (RFC 2308 §5), and not
 * at all without an SOA. Errors and truncated answers are never cached.
 */
export declare function cacheableTtl(packet: DecodedPacket): number;
export declare class DnsCache {
    #private;
    constructor(options?: DnsCacheOptions);
    get size(): number;
    /** Keeps `packet` under `key` for its cacheable TTL (nothing when that is 0). */
    set(key: string, packet: DecodedPacket): void;
    /** The cached packet with TTLs aged, or undefined when absent or expired. */
    get(key: string): DecodedPacket | undefined;
    clear(): void;
}
