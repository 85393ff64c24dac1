/**
 * The DNS feed: what the control plane sends the DNS data plane, as plain JSON (it crosses the
 * IPC channel to the DNS process). It is a full snapshot: every `update(feed)` replaces the
 * previous one, so a lost or repeated update heals itself (level-triggered, like the reconciler).
 *
 * The control plane sends `DnsFeed`: spaces, apps and dynos. The backend that built each
 * space's network knows where its routers are reached from inside it and fills those addresses
 * in (`DnsServerFeed`), which is what the DNS server answers from.
 *
 * The control plane imports this type; the data plane never imports the control plane.
 */
/** Every space's discovery names, plus the public apps' domains every space resolves. */
export interface DnsFeed {
    readonly spaces: readonly DnsSpaceFeed[];
    /**
     * Domains of public (non-internal) apps of every space (and of no space), lower case. From
     * inside any space they resolve to that space's `publicRouterAddress`.
     */
    readonly publicDomains: readonly string[];
    /**
     * Dynos run in the shared default network (apps outside any space): it gets a resolver too,
     * with no discovery names (it only forwards, as in Heroku's Common Runtime). @default false
     */
    readonly defaultNetwork?: boolean;
}
/** One space: its apps. */
export interface DnsSpaceFeed {
    readonly spaceId: string;
    /**
     * The space's network is built (the space is allocated): its resolver is attached only then,
     * never inside a network still being made.
     */
    readonly allocated: boolean;
    readonly apps: readonly DnsAppFeed[];
}
/** The DNS feed with each space's router addresses: what the DNS server answers from. */
export interface DnsServerFeed {
    readonly spaces: readonly DnsServerSpace[];
    /** As in `DnsFeed`. */
    readonly publicDomains: readonly string[];
}
/** One space: its apps and the two router addresses as seen from inside it. */
export interface DnsServerSpace {
    readonly spaceId: string;
    readonly apps: readonly DnsAppFeed[];
    /** The space's internal router VIP, e.g. "10.0.0.10": internal apps' domains resolve here. */
    readonly internalRouterAddress: string;
    /**
     * The public router as reached from inside the space. Public apps' domains resolve here; null
     * leaves them to the upstream resolvers.
     */
    readonly publicRouterAddress: string | null;
}
/** One app of the space. */
export interface DnsAppFeed {
    /** Heroku app name (lower case). */
    readonly name: string;
    /** Internal routing: the app's domains resolve to the space's internal router. */
    readonly internalRouting: boolean;
    /** The default domain and custom domains, lower case. */
    readonly domains: readonly string[];
    /** Dynos that have a private IP and are starting or up. */
    readonly dynos: readonly DnsDynoFeed[];
}
/** One dyno: `<number>.<type>.<app>.app.localspace`. */
export interface DnsDynoFeed {
    readonly type: string;
    readonly number: number;
    readonly privateIp: string;
    /**
     * Only `up` dynos are listed under the formation name `<type>.<app>.app.localspace`; a
     * starting dyno answers to its own name already, so peers can reach it during boot.
     */
    readonly up: boolean;
}
/** A feed with no spaces. */
export declare const EMPTY_DNS_FEED: DnsServerFeed;
