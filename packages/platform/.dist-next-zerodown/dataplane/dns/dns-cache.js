function recordTtl(record) {
    return record.type === 'OPT' ? undefined : record.ttl;
}
/**
 * How long a response may be cached, in seconds; 0 for "not at all". Positive answers live as
 * long as their shortest TTL; NXDOMAIN and NODATA as long as the SOA allows (RFC 2308 §5), and not
 * at all without an SOA. Errors and truncated answers are never cached.
 */
export function cacheableTtl(packet) {
    if (packet.flag_tc)
        return 0;
    const rcode = (packet.flags ?? 0) & 0xf;
    const answers = packet.answers ?? [];
    if (rcode === 0 && answers.length > 0) {
        return Math.min(...answers.map((a) => recordTtl(a) ?? Infinity));
    }
    if (rcode !== 0 && rcode !== 3)
        return 0;
    const soa = (packet.authorities ?? []).find((a) => a.type === 'SOA');
    if (soa === undefined || soa.type !== 'SOA')
        return 0;
    return Math.min(soa.ttl ?? 0, soa.data.minimum ?? 0);
}
export class DnsCache {
    #entries = new Map();
    #maxEntries;
    #maxTtl;
    #now;
    constructor(options = {}) {
        this.#maxEntries = options.maxEntries ?? 10000;
        this.#maxTtl = options.maxTtl ?? 300;
        this.#now = options.now ?? Date.now;
    }
    get size() {
        return this.#entries.size;
    }
    /** Keeps `packet` under `key` for its cacheable TTL (nothing when that is 0). */
    set(key, packet) {
        const ttl = Math.min(cacheableTtl(packet), this.#maxTtl);
        if (!(ttl > 0) || this.#maxEntries <= 0)
            return;
        const now = this.#now();
        this.#entries.delete(key);
        this.#entries.set(key, { packet, storedAt: now, expiresAt: now + ttl * 1000 });
        while (this.#entries.size > this.#maxEntries) {
            const oldest = this.#entries.keys().next();
            if (oldest.done === true)
                break;
            this.#entries.delete(oldest.value);
        }
    }
    /** The cached packet with TTLs aged, or undefined when absent or expired. */
    get(key) {
        const entry = this.#entries.get(key);
        if (entry === undefined)
            return undefined;
        const now = this.#now();
        if (now >= entry.expiresAt) {
            this.#entries.delete(key);
            return undefined;
        }
        // Refresh the LRU position.
        this.#entries.delete(key);
        this.#entries.set(key, entry);
        const elapsed = Math.floor((now - entry.storedAt) / 1000);
        const age = (list) => (list ?? []).map((a) => (a.type === 'OPT' ? a : { ...a, ttl: Math.max(0, (a.ttl ?? 0) - elapsed) }));
        return {
            ...entry.packet,
            answers: age(entry.packet.answers),
            authorities: age(entry.packet.authorities),
            additionals: age(entry.packet.additionals),
        };
    }
    clear() {
        this.#entries.clear();
    }
}
//# sourceMappingURL=dns-cache.js.map