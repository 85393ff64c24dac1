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
/** A feed with no spaces. */
export const EMPTY_DNS_FEED = Object.freeze({ spaces: [], publicDomains: [] });
//# sourceMappingURL=dns-feed.js.map