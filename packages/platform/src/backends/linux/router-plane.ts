/**
 * The linux backend's router: HAProxy (dataplane/router) in its own cgroup, binding and
 * connecting in the spaces' namespaces, serving the control plane's route feed once placed in
 * this runtime's networks. Every request's line becomes the app's `heroku[router]` line and
 * counts in the Prometheus metrics (served on `--metrics` when set), with how the router's
 * changes went (admin retries and failures, reloads by cause).
 *
 * HAProxy keeps serving when the server stops (`close({ keepRunning: true })`) or dies; the next
 * start adopts it (see HaproxySupervisor).
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { HaproxyRouter } from '../../dataplane/router/haproxy-router.js';
import type { RouteFeed } from '../../dataplane/router/route-feed.js';
import type { RouterLogEntry } from '../../dataplane/router/router-log.js';
import { RouterMetrics } from '../../dataplane/router/router-metrics.js';
import type { HostPort } from '../../shared/config.js';
import { issueCertificate } from '../../shared/local-ca.js';
import type { Logger } from '../../shared/log.js';
import type { RouterPlane } from '../backend.js';
import type { RuntimeLogLine } from '../runtime.js';
import { Cgroups } from './cgroups.js';
import type { LinuxSpaceNetwork } from './linux-runtime.js';
import { placeRouteFeed } from './route-placement.js';

/** The cgroup (under the dynos' parent) HAProxy runs in, so `--cleanup` and test sandboxes reap it. */
export const ROUTER_CGROUP = 'cvrouter';

/** Where `cove server` puts each request's router line: the app's metrics and its log buffer. */
export function routerLineSink(metrics: RouterMetrics, appLog: (line: RuntimeLogLine) => void): (entry: RouterLogEntry) => void {
  return (entry) => {
    metrics.record(entry);
    appLog({ appId: entry.appId, source: 'heroku', dyno: 'router', message: entry.message });
  };
}

export interface LinuxRouterPlaneOptions {
  /** HAProxy's working directory. */
  readonly dir: string;
  /** The directory of Cove's local CA, for the router's default certificate. */
  readonly tlsDir: string;
  readonly domain: string;
  readonly http: HostPort;
  readonly https: HostPort;
  /** Time to the first byte, in ms. */
  readonly firstByteTimeoutMs: number;
  readonly threads: number;
  /** The Prometheus listener (`GET /metrics`); null: none. */
  readonly metrics: HostPort | null;
  readonly cgroupParent: string;
  readonly networkOf: (spaceId: string | null) => LinuxSpaceNetwork | null;
  /** An app's log line (`heroku[router]`). */
  readonly appLog: (line: RuntimeLogLine) => void;
  readonly log: Logger;
}

export class LinuxRouterPlane implements RouterPlane {
  readonly #options: LinuxRouterPlaneOptions;
  readonly #metrics = new RouterMetrics();
  #router: HaproxyRouter | null = null;
  #metricsServer: Server | null = null;

  constructor(options: LinuxRouterPlaneOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    const o = this.#options;
    const cgroups = new Cgroups(o.cgroupParent);
    await cgroups.create(ROUTER_CGROUP, { memoryBytes: 4 * 1024 ** 3, pids: 4096, cpuPercent: 100 * 64 });
    const tls = await issueCertificate(o.tlsDir, 'router', [o.domain, `*.${o.domain}`]);
    const router = this.#newRouter(cgroups.procsFiles(ROUTER_CGROUP), `${tls.cert.trim()}\n${tls.key.trim()}\n`);
    await router.start();
    this.#router = router;
    if (o.metrics !== null) {
      const server = createServer((req, res) => {
        if (req.method !== 'GET' || req.url !== '/metrics') return void res.writeHead(404).end();
        const control = this.#router?.control.render() ?? '';
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(this.#metrics.render() + control);
      });
      server.listen(o.metrics.port, o.metrics.host);
      await once(server, 'listening');
      this.#metricsServer = server;
    }
  }

  /** Stops a HAProxy an earlier server left running with this directory; starts nothing. */
  async stopDataPlane(): Promise<void> {
    await this.#router?.close();
    this.#router = null;
    await this.#newRouter([]).stopLeftover();
  }

  async update(feed: RouteFeed): Promise<void> {
    const router = this.#router;
    if (router === null) throw new Error('The router is not running');
    this.#metrics.setNames(new Map(feed.apps.map((a) => [a.appId, a.name])));
    await router.update(placeRouteFeed(feed, this.#options.networkOf));
  }

  #newRouter(cgroupProcs: readonly string[], defaultCertificate = ''): HaproxyRouter {
    const o = this.#options;
    return new HaproxyRouter({
      dir: o.dir,
      http: o.http,
      https: { ...o.https, defaultCertificate },
      cgroupProcs,
      metricsPort: null,
      firstByteTimeoutMs: o.firstByteTimeoutMs,
      threads: o.threads,
      onRequest: routerLineSink(this.#metrics, o.appLog),
      log: o.log,
    });
  }

  routes(dynoId: string): boolean {
    return this.#router?.routes(dynoId) ?? false;
  }

  /** Stops HAProxy, or with `keepRunning` leaves it serving for the next start to adopt. */
  async close(options: { readonly keepRunning?: boolean } = {}): Promise<void> {
    await this.#router?.close(options);
    this.#router = null;
    const server = this.#metricsServer;
    this.#metricsServer = null;
    if (server !== null) await new Promise((resolve) => server.close(resolve));
  }
}
