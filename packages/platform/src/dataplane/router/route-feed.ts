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

/** Every routed app, plus the spaces whose internal router address the router listens on. */
export interface RouteFeed {
  readonly apps: readonly RouteApp[];
  readonly spaces: readonly RouteSpace[];
  /** Dynos that left routing and are waiting to be stopped (the router says when it is done with them). */
  readonly draining: readonly string[];
  /**
   * SNI certificates (Heroku's SNI endpoints) served besides the default one: a public app's on
   * the public HTTPS listener, an internal app's on its space's internal one. @default []
   */
  readonly certificates?: readonly RouteCertificate[];
}

/** A certificate chain and its private key, PEM, in one text. */
export interface RouteCertificate {
  readonly id: string;
  /** The app the certificate was added to: it decides on which listener the certificate is served. */
  readonly appId: string;
  readonly pem: string;
}

/** A space whose network exists: the router serves its internal apps and its dynos' calls. */
export interface RouteSpace {
  readonly spaceId: string;
  /**
   * The space's stable outbound IP: requests from its dynos to the public router count as
   * coming from here, as Heroku sees them arrive. @default null
   */
  readonly outboundIp?: string | null;
}

/** One inbound rule, evaluated in order; the first match decides and no match blocks. */
export interface RouteRule {
  readonly action: 'allow' | 'deny';
  /** IPv4 CIDR. */
  readonly source: string;
}

export interface RouteApp {
  readonly appId: string;
  /** Heroku app name, lower case. */
  readonly name: string;
  /** The space the app runs in; null for apps in the shared default network. */
  readonly spaceId: string | null;
  /** Internal routing: served only on the space's internal address, never on the public listener. */
  readonly internal: boolean;
  /** The default domain and custom domains, lower case. */
  readonly hostnames: readonly string[];
  /** The space's trusted IP ranges for public traffic; null lets every client in. */
  readonly inboundRules: readonly RouteRule[] | null;
  /** The app's own ruleset, checked after the space's; null (or absent): none. @default null */
  readonly appInboundRules?: readonly RouteRule[] | null;
  /**
   * Internal apps with a caller list: the private IPs of the dynos (any type and state) of the
   * listed apps and of the app itself, the only sources its backend serves; others get a 403.
   * Null (or absent): every source the internal listener accepts. @default null
   */
  readonly allowedCallers?: readonly string[] | null;
  /** `up` web dynos that are not draining. */
  readonly servers: readonly RouteServer[];
  /**
   * What a request gets when `servers` is empty: H10 (every web dyno crashed) or H14 (no web
   * dynos running).
   */
  readonly idleCode: 'H10' | 'H14';
}

export interface RouteServer {
  readonly dynoId: string;
  /** "web.1". */
  readonly name: string;
  readonly address: string;
  readonly port: number;
}

/** The route feed placed in the backend's networks: what the HAProxy router takes. */
export interface NamespacedRouteFeed extends RouteFeed {
  readonly apps: readonly NamespacedRouteApp[];
  readonly spaces: readonly NamespacedRouteSpace[];
}

/** An app and the network namespace its dynos are reached in. */
export interface NamespacedRouteApp extends RouteApp {
  /** Namespace of the app's dynos' space router, e.g. "cvs-1a2b3c4d". */
  readonly namespace: string;
}

/** A space (or the shared default network) placed in the namespace of its router. */
export interface NamespacedRouteSpace extends RouteSpace {
  /** The network namespace the router binds and connects in, e.g. "cvs-1a2b3c4d". */
  readonly namespace: string;
  /** The internal router VIP inside the space, e.g. "10.0.0.10"; null for the default network. */
  readonly internalAddress: string | null;
  /**
   * The space's dynos reach the public router from this address (the space side of its transit
   * link, masqueraded); the router treats such requests as coming from `outboundIp`. Null: not
   * known. @default null
   */
  readonly transitAddress?: string | null;
}

/** A feed with nothing routed. */
export const EMPTY_ROUTE_FEED: NamespacedRouteFeed = Object.freeze({ apps: [], spaces: [], draining: [] });
