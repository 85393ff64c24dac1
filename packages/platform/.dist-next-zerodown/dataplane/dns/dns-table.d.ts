/**
 * The DNS record table: a pure function of the feed, asked "what does space S answer for name N,
 * type T?". No sockets, no clocks, no randomness (the server varies the answer order).
 *
 * Names (design §4, Heroku's DNS Service Discovery):
 * - `<n>.<process>.<app>.app.localspace` → that dyno's private IP (starting or up);
 * - `<process>.<app>.app.localspace` → every `up` dyno of that process type;
 * - any other name in `localspace` → NXDOMAIN, except the ancestors of existing names, which
 *   exist without records (NOERROR, no data; RFC 8020 says NXDOMAIN would deny everything below);
 * - an internal app's domains → the space's internal router; a public app's domains → the public
 *   router as reached from inside the space;
 * - the PTR of a dyno's private IP → its dyno name;
 * - everything else → forwarded upstream.
 * Only the asking space's apps count: another space's names are NXDOMAIN (localspace) or
 * forwarded (domains). Names compare case-insensitively (RFC 4343).
 */
import type { DnsServerFeed } from './dns-feed.js';
/** The zone Cove answers for with authority. */
export declare const LOCAL_ZONE = "localspace";
export type DnsLookup = 
/** A records, in the table's stable order. */
{
    readonly kind: 'addresses';
    readonly addresses: readonly string[];
}
/** A PTR record. */
 | {
    readonly kind: 'pointer';
    readonly name: string;
}
/** The name exists but has no record of the asked type (NOERROR, empty answer). */
 | {
    readonly kind: 'nodata';
}
/** The name is in Cove's zone and does not exist. */
 | {
    readonly kind: 'nxdomain';
}
/** Not Cove's to answer: ask the upstream resolvers. */
 | {
    readonly kind: 'forward';
};
/** Lower case, without the trailing dot of a fully qualified name. */
export declare function normalizeName(name: string): string;
/** True for `localspace` and every name below it. */
export declare function isLocalName(name: string): boolean;
/** "10.0.128.11" → "11.128.0.10.in-addr.arpa" */
export declare function reverseName(ipv4: string): string;
export declare class DnsTable {
    #private;
    private constructor();
    /** A table that knows no space: local names are NXDOMAIN, the rest is forwarded. */
    static empty(): DnsTable;
    /** Builds the table of every space in the feed. */
    static fromFeed(feed: DnsServerFeed): DnsTable;
    /** True when the feed listed the space. */
    hasSpace(spaceId: string): boolean;
    /**
     * What `spaceId` answers for `name` (any case, with or without the trailing dot) and `type`
     * (a record type mnemonic such as "A", "AAAA", "PTR", "ANY").
     */
    lookup(spaceId: string, name: string, type: string): DnsLookup;
}
