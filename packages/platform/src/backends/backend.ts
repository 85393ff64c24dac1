/**
 * The backend seam: everything the control plane asks of the machinery that runs apps. A
 * backend (`backends/<kind>/index.ts`, chosen by `--runtime` in ./create-backend.ts) brings
 * the runtime (spaces and dynos, ./runtime.ts), its data plane (the router and space DNS, fed
 * by the control plane's feed publisher), the runner build steps execute in, and the clean-up
 * of everything it ever created on the host.
 *
 * What crosses this seam is plain data: feeds name spaces, apps and dynos; where a space's
 * network is (namespaces, virtual addresses, transit links) stays inside the backend.
 */
import type { DnsFeed } from '../dataplane/dns/dns-feed.js';
import type { RouteFeed } from '../dataplane/router/route-feed.js';
import type { BuildRunner } from './build-runner.js';
import type { Runtime, RuntimeHooks } from './runtime.js';

/** The HTTP router: serves apps' domains from the route feed. */
export interface RouterPlane {
  /** Makes the feed the serving configuration; resolves once the router serves it. */
  update(feed: RouteFeed): Promise<void>;
  /**
   * False once the router neither routes to the dyno nor holds a request of it: a draining
   * dyno may then be stopped.
   */
  routes(dynoId: string): boolean;
}

/** Space DNS: every space's discovery names and domains, from the DNS feed. */
export interface DnsPlane {
  /** Makes the feed what every space's resolver answers; resolves once applied. */
  update(feed: DnsFeed): Promise<void>;
}

/** The data-plane services a backend runs; absent ones are not offered (no router: no routing). */
export interface DataPlane {
  readonly router?: RouterPlane;
  readonly dns?: DnsPlane;
}

/** Callbacks a backend calls: app log lines (dynos' and `heroku[router]`'s) and "look again". */
export type BackendHooks = RuntimeHooks;

export interface Backend {
  /** "linux", "memory", "none". */
  readonly kind: string;
  readonly runtime: Runtime;
  readonly dataPlane: DataPlane;
  readonly buildRunner: BuildRunner;
  /** False when the backend runs no dynos (`--runtime none`): spaces stay allocating. */
  readonly runsDynos: boolean;
  /** Starts the runtime (adopting what a previous run left), then the data plane. */
  start(): Promise<void>;
  /**
   * Stops supervising; dynos keep serving across a restart. Stops the data plane too, unless
   * `keepDataPlane` (a `cove server` stop): then its processes keep serving for the next server.
   */
  close(options?: { readonly keepDataPlane?: boolean }): Promise<void>;
  /** Removes everything the backend ever created on this host (`cove server --cleanup`). */
  cleanup(): Promise<void>;
}
