/**
 * The route feed: what the control plane sends the router, as plain JSON. Like the DNS feed it
 * is a full snapshot: every `update(feed)` replaces the previous one, so a lost or repeated
 * update heals itself.
 *
 * It describes spaces and dynos, never the backend's plumbing: the backend that built each
 * space's network places it (`NamespacedRouteFeed`: the namespace HAProxy binds and connects
 * in, the internal router VIP, the transit address) before the HAProxy router takes it.
 *
 * The control plane imports this type; the data plane never imports the control plane.
 */
/** A feed with nothing routed. */
export const EMPTY_ROUTE_FEED = Object.freeze({ apps: [], spaces: [], draining: [] });
//# sourceMappingURL=route-feed.js.map