/**
 * The router as a platform component: reads the store, builds the route feed, and hands it to
 * the HAProxy data plane; turns its request log into `heroku[router]` lines; and tells the
 * reconciler when a draining dyno is no longer routed to (the dyno's drain record gets its
 * `drainedAt`). Runs with the linux runtime, whose namespaces it binds and connects in.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Cgroups } from '../backends/linux/cgroups.js';
import { LinuxRuntime } from '../backends/linux/linux-runtime.js';
import { buildRouteFeed } from '../controlplane/feeds/route-feed-builder.js';
import { HaproxyRouter } from '../dataplane/router/haproxy-router.js';
import type { RouterLogEntry } from '../dataplane/router/router-log.js';
import { RouterMetrics } from '../dataplane/router/router-metrics.js';
import type { RuntimeLogLine } from '../backends/runtime.js';
import type { ComponentContext, PlatformComponent } from '../platform-component.js';
import { issueCertificate } from '../shared/local-ca.js';
import { SerialTrigger } from '../shared/serial-trigger.js';

/** The cgroup (under the dynos' parent) HAProxy runs in, so `--cleanup` and test sandboxes reap it. */
export const ROUTER_CGROUP = 'cvrouter';

/** Where `cove server` puts each request's router line: the app's metrics and its log buffer. */
export function routerLineSink(metrics: RouterMetrics, appLog: (line: RuntimeLogLine) => void): (entry: RouterLogEntry) => void {
  return (entry) => {
    metrics.record(entry);
    appLog({ appId: entry.appId, source: 'heroku', dyno: 'router', message: entry.message });
  };
}

export interface RouterComponentOptions {
  /** How often the store is looked at besides change events, in ms. @default 250 */
  readonly pollMs?: number;
  /** Time to the first byte, in ms. @default the config's routerTimeoutMs */
  readonly firstByteTimeoutMs?: number;
  /** Prometheus exporter port on 127.0.0.1; null: none. @default null */
  readonly metricsPort?: number | null;
}

export class RouterComponent implements PlatformComponent {
  readonly name = 'router';
  readonly #options: RouterComponentOptions;
  #ctx: ComponentContext | null = null;
  #router: HaproxyRouter | null = null;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #trigger = new SerialTrigger(() => this.#sync());
  #lastError = '';
  readonly #metrics = new RouterMetrics();
  #metricsServer: Server | null = null;

  constructor(options: RouterComponentOptions = {}) {
    this.#options = options;
  }

  async start(ctx: ComponentContext): Promise<void> {
    this.#ctx = ctx;
    const cgroups = new Cgroups(ctx.config.cgroupParent);
    await cgroups.create(ROUTER_CGROUP, { memoryBytes: 4 * 1024 ** 3, pids: 4096, cpuPercent: 100 * 64 });
    const domain = ctx.config.domain;
    const tls = await issueCertificate(ctx.tlsDir, 'router', [domain, `*.${domain}`]);
    const router = new HaproxyRouter({
      dir: join(ctx.config.dataDir, 'router'),
      http: ctx.config.http,
      https: { ...ctx.config.https, defaultCertificate: `${tls.cert.trim()}\n${tls.key.trim()}\n` },
      cgroupProcs: cgroups.procsFiles(ROUTER_CGROUP),
      metricsPort: this.#options.metricsPort ?? null,
      firstByteTimeoutMs: this.#options.firstByteTimeoutMs ?? ctx.config.routerTimeoutMs,
      threads: ctx.config.routerThreads,
      onRequest: routerLineSink(this.#metrics, ctx.appLog),
      log: ctx.log,
    });
    await router.start();
    this.#router = router;
    if (ctx.config.metrics !== null) {
      const server = createServer((req, res) => {
        if (req.method !== 'GET' || req.url !== '/metrics') return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(this.#metrics.render());
      });
      server.listen(ctx.config.metrics.port, ctx.config.metrics.host);
      await once(server, 'listening');
      this.#metricsServer = server;
    }
    await this.#sync();
    // Desired changes (the API) and observed ones (a dyno up or down, recorded by the reconciler).
    const off = [ctx.store.onChange(() => this.trigger()), ctx.store.onObserved(() => this.trigger())];
    this.#unsubscribe = () => off.forEach((f) => f());
    this.#timer = setInterval(() => this.trigger(), this.#options.pollMs ?? 250);
    this.#timer.unref();
  }

  /** Looks at the store soon; syncs never overlap, and a request during one runs another. */
  trigger(): void {
    if (this.#router !== null) this.#trigger.trigger();
  }

  async close(): Promise<void> {
    this.#unsubscribe?.();
    if (this.#timer !== undefined) clearInterval(this.#timer);
    await this.#trigger.close();
    await this.#router?.close();
    this.#router = null;
    const server = this.#metricsServer;
    this.#metricsServer = null;
    if (server !== null) await new Promise((resolve) => server.close(resolve));
  }

  async #sync(): Promise<void> {
    const ctx = this.#ctx;
    const router = this.#router;
    if (ctx === null || router === null) return;
    const store = ctx.store;
    try {
      const drains = store.tables.dynoDrains.select('');
      const apps = store.tables.apps.select('');
      this.#metrics.setNames(new Map(apps.map((a) => [a.id, a.name])));
      const feed = buildRouteFeed(
        {
          spaces: store.tables.spaces.select(''),
          apps,
          dynos: store.tables.dynos.select(''),
          drains,
          domains: store.tables.domains.select(''),
          sniEndpoints: store.tables.sniEndpoints.select(''),
          appInboundRulesets: store.tables.appInboundRulesets.select(''),
          appCallerLists: store.tables.appCallerLists.select(''),
          appAllowedCallers: store.tables.appAllowedCallers.select(''),
        },
        {
          domain: ctx.config.domain,
          // The linux backend names kernel objects itself; an allocated space has its network.
          namespaceOf: (space) => {
            const network = ctx.runtime instanceof LinuxRuntime ? ctx.runtime.spaceNetwork(space?.id ?? null) : null;
            if (network === null) throw new Error(`No network namespace for space ${space?.name ?? 'default'}`);
            return network.namespace;
          },
        },
      );
      // Transit addresses are the linux backend's, not the store's index (interim, until the
      // route feed asks the backend itself).
      const linux = ctx.runtime instanceof LinuxRuntime ? ctx.runtime : null;
      const spaces = feed.spaces.map((s) => (s.transitAddress == null ? s : { ...s, transitAddress: linux?.spaceNetwork(s.spaceId)?.transitSpace ?? null }));
      await router.update({ ...feed, spaces });
      this.#lastError = '';
      let drained = false;
      for (const drain of drains) {
        if (drain.drainedAt !== null || router.routes(drain.dynoId)) continue;
        store.tables.dynoDrains.update({ drainedAt: new Date().toISOString() }, 'dyno_id = ?', [drain.dynoId]);
        drained = true;
      }
      if (drained) store.changed();
    } catch (error) {
      const text = error instanceof Error ? error.message.replace(/\d+/g, '#') : String(error);
      if (text !== this.#lastError) ctx.log.error('Router did not converge', error);
      this.#lastError = text;
    }
  }
}

/** How long a routed dyno may drain before the reconciler stops it anyway (Heroku: 30 s). */
export const ROUTER_DRAIN_TIMEOUT_MS = 30_000;
