/**
 * The router data plane: HAProxy does the proxying (native speed, in every space's namespace),
 * this class feeds it. `update(feed)` renders the feed and makes it the serving configuration;
 * the request log arrives as UDP datagrams on the loopback and leaves as Heroku router lines.
 */
import dgram from 'node:dgram';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../shared/log.js';
import { errorPages, renderHaproxy, type HaproxyListen } from './haproxy-config.js';
import { HaproxySupervisor } from './haproxy-supervisor.js';
import type { RouteFeed } from './route-feed.js';
import { parseRouterLog, type RouterLogEntry } from './router-log.js';

export interface HaproxyRouterOptions {
  /** Working directory (error pages, one folder per configuration). */
  readonly dir: string;
  readonly http: HaproxyListen;
  /** HTTPS listener and its default certificate (chain and key, PEM); null: HTTP only. @default null */
  readonly https?: (HaproxyListen & { readonly defaultCertificate: string }) | null;
  /** Prometheus exporter on 127.0.0.1:<port>; null: none. @default null */
  readonly metricsPort?: number | null;
  /** `cgroup.procs` files HAProxy joins. @default [] */
  readonly cgroupProcs?: readonly string[];
  /** Time to the first byte, in ms. @default 30000 */
  readonly firstByteTimeoutMs?: number;
  /** Every request that belongs to an app. */
  readonly onRequest?: (entry: RouterLogEntry) => void;
  /** @default silent */
  readonly log?: Logger;
}

export class HaproxyRouter {
  readonly #options: HaproxyRouterOptions;
  readonly #supervisor: HaproxySupervisor;
  #logSocket: dgram.Socket | null = null;
  #logPort = 0;

  constructor(options: HaproxyRouterOptions) {
    this.#options = options;
    this.#supervisor = new HaproxySupervisor({
      dir: join(options.dir, 'haproxy'),
      ...(options.cgroupProcs === undefined ? {} : { cgroupProcs: options.cgroupProcs }),
      ...(options.log === undefined ? {} : { log: options.log }),
    });
  }

  get pid(): number | undefined {
    return this.#supervisor.pid;
  }

  async start(): Promise<void> {
    const pages = join(this.#options.dir, 'pages');
    await mkdir(pages, { recursive: true, mode: 0o700 });
    for (const [name, text] of errorPages()) await writeFile(join(pages, name), text);
    const socket = dgram.createSocket('udp4');
    socket.on('message', (msg) => {
      const entry = parseRouterLog(msg.toString('utf8'));
      if (entry !== null) this.#options.onRequest?.(entry);
    });
    socket.on('error', (error) => this.#options.log?.error('Router log socket failed', error));
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    this.#logSocket = socket;
    this.#logPort = socket.address().port;
    await this.#supervisor.start();
  }

  /** Makes the feed the serving configuration; resolves once HAProxy answers from it. */
  async update(feed: RouteFeed): Promise<boolean> {
    const o = this.#options;
    const pagesDir = join(o.dir, 'pages');
    const dynoIds = feed.apps.flatMap((a) => a.servers.map((s) => s.dynoId));
    return this.#supervisor.apply(
      (paths) =>
        renderHaproxy(feed, {
          http: o.http,
          https: o.https ?? null,
          logPort: this.#logPort,
          statsSocket: paths.statsSocket,
          mapsDir: paths.mapsDir,
          pagesDir,
          metricsPort: o.metricsPort ?? null,
          ...(o.firstByteTimeoutMs === undefined ? {} : { firstByteTimeoutMs: o.firstByteTimeoutMs }),
        }),
      dynoIds,
    );
  }

  /** True while a HAProxy process (serving or finishing) may still send requests to the dyno. */
  routes(dynoId: string): boolean {
    return this.#supervisor.routes(dynoId);
  }

  async close(): Promise<void> {
    await this.#supervisor.close();
    this.#logSocket?.close();
    this.#logSocket = null;
  }
}
