/**
 * The router data plane: HAProxy does the proxying (native speed, in every space's namespace),
 * this class feeds it. `update(feed)` renders the feed and makes it the serving configuration;
 * the request log arrives as a syslog stream on the loopback (RFC 6587 octet counting, one
 * connection per HAProxy process) and leaves as Heroku router lines.
 */
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
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
    const server = net.createServer((socket) => this.#readLog(socket));
    server.on('error', (error) => this.#options.log?.error('Router log listener failed', error));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.#logServer = server;
    this.#logPort = (server.address() as net.AddressInfo).port;
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
    const server = this.#logServer;
    this.#logServer = null;
    if (server !== null) await new Promise((resolve) => server.close(resolve));
  }

  /** Splits one HAProxy process's log stream into messages: `<length> <message>` frames. */
  #readLog(socket: net.Socket): void {
    let buffer = Buffer.alloc(0);
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      let offset = 0;
      for (;;) {
        const space = buffer.indexOf(0x20, offset);
        if (space === -1 || space - offset > 10) break;
        const length = Number(buffer.toString('latin1', offset, space));
        if (!Number.isInteger(length) || length < 0) {
          socket.destroy();
          return;
        }
        if (buffer.length < space + 1 + length) break;
        const entry = parseRouterLog(buffer.toString('utf8', space + 1, space + 1 + length));
        if (entry !== null) this.#options.onRequest?.(entry);
        offset = space + 1 + length;
      }
      buffer = offset === 0 ? buffer : buffer.subarray(offset);
    });
  }
}
