/**
 * The router data plane: HAProxy does the proxying (native speed, in every space's namespace),
 * this class feeds it. `update(feed)` renders the feed and makes it the serving configuration;
 * the request log arrives over TCP on the loopback (HAProxy forwards its log ring, one line per
 * request; a process finishing after a reload sends datagrams instead) and leaves as Heroku
 * router lines, once each.
 */
import dgram from 'node:dgram';
import { once } from 'node:events';
import net from 'node:net';
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
  #logServer: net.Server | null = null;
  readonly #logConnections = new Set<net.Socket>();
  #logPort = 0;
  #finishingSocket: dgram.Socket | null = null;
  /** Lines of finishing processes seen lately (they may come both ways), in two 30 s halves. */
  #seen = new Set<string>();
  #seenBefore = new Set<string>();
  #seenTimer: NodeJS.Timeout | null = null;

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
    // Every HAProxy process (one per configuration) forwards its ring over its own connection.
    const server = net.createServer((connection) => {
      this.#logConnections.add(connection);
      connection.setEncoding('utf8');
      let rest = '';
      connection.on('data', (chunk: string) => {
        const text = rest + chunk;
        let start = 0;
        for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
          this.#line(text.slice(start, end));
          start = end + 1;
        }
        // A line is at most 8 KiB (`len 8192`); anything longer is no log line.
        rest = text.length - start > 16_384 ? '' : text.slice(start);
      });
      connection.on('error', () => connection.destroy());
      connection.on('close', () => this.#logConnections.delete(connection));
    });
    server.on('error', (error) => this.#options.log?.error('Router log listener failed', error));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.#logServer = server;
    this.#logPort = (server.address() as net.AddressInfo).port;
    const socket = dgram.createSocket('udp4');
    socket.on('message', (msg) => this.#line(msg.toString('utf8').replace(/\n$/, '')));
    socket.on('error', (error) => this.#options.log?.error('Router log socket failed', error));
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    this.#finishingSocket = socket;
    this.#seenTimer = setInterval(() => {
      this.#seenBefore = this.#seen;
      this.#seen = new Set();
    }, 30_000);
    this.#seenTimer.unref();
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
          finishingLogPort: this.#finishingSocket?.address().port ?? 0,
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
    for (const connection of this.#logConnections) connection.destroy();
    this.#logServer?.close();
    this.#logServer = null;
    this.#finishingSocket?.close();
    this.#finishingSocket = null;
    if (this.#seenTimer !== null) clearInterval(this.#seenTimer);
  }

  #line(text: string): void {
    const entry = parseRouterLog(text);
    if (entry === null) return;
    const key = entry.duplicateKey;
    if (key !== null) {
      if (this.#seen.has(key) || this.#seenBefore.has(key)) return;
      this.#seen.add(key);
    }
    this.#options.onRequest?.(entry);
  }
}
