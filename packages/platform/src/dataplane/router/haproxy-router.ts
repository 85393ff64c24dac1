/**
 * The router data plane: HAProxy does the proxying (native speed, in every space's namespace),
 * this class feeds it. `update(feed)` renders the feed and makes it the serving configuration;
 * the request log arrives over TCP on the loopback (HAProxy forwards its log ring, one line per
 * request; a process finishing after a reload sends datagrams instead) and leaves as Heroku
 * router lines, once each.
 *
 * HAProxy outlives `cove server` (`close({ keepRunning: true })`): the next router adopts it
 * with the bookkeeping saved beside it, and listens for its log on the same loopback ports, so
 * the lines of requests served meanwhile (kept in HAProxy's ring, `LOG_RING`) arrive then.
 */
import dgram from 'node:dgram';
import { once } from 'node:events';
import net from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../shared/log.js';
import { DYNO_MAP, dynoMapEntries, errorPages, renderHaproxy, runtimeFileEntries, runtimeFileKind, type HaproxyListen, type RenderedHaproxy } from './haproxy-config.js';
import { HaproxyError, HaproxySupervisor, type HaproxyPaths } from './haproxy-supervisor.js';
import type { NamespacedRouteFeed, RouteServer } from './route-feed.js';
import { RouterControlMetrics, type ReloadCause } from './router-control-metrics.js';
import { ServerSlots, type SavedSlots } from './server-slots.js';
import { parseRouterLog, type RouterLogContext, type RouterLogEntry } from './router-log.js';

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
  /** HAProxy's threads; null: one per CPU. @default null */
  readonly threads?: number | null;
  /** Every request that belongs to an app. */
  readonly onRequest?: (entry: RouterLogEntry) => void;
  /** @default silent */
  readonly log?: Logger;
}

/** The router's bookkeeping, saved with HAProxy's processes for the next server to adopt. */
interface SavedRouter {
  readonly slots: SavedSlots;
  readonly shapeKey: string | null;
  readonly files: readonly (readonly [string, readonly (readonly [string, string])[]])[];
  readonly idle: readonly (readonly [string, 'H10' | 'H14'])[];
  readonly names: readonly (readonly [string, readonly (readonly [string, string])[]])[];
  /** `DYNO_MAP` as the serving process has it (absent in a state an older build saved). */
  readonly dynoMap?: readonly (readonly [string, string])[];
}

/** Listens on `port` of the loopback, or on any free port when it is taken (or 0). */
async function listenTcp(server: net.Server, port: number): Promise<number> {
  for (const candidate of port === 0 ? [0] : [port, 0]) {
    try {
      server.listen(candidate, '127.0.0.1');
      await once(server, 'listening');
      return (server.address() as net.AddressInfo).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || candidate === 0) throw error;
    }
  }
  throw new Error('unreachable');
}

async function bindUdp(socket: dgram.Socket, port: number): Promise<number> {
  for (const candidate of port === 0 ? [0] : [port, 0]) {
    try {
      socket.bind(candidate, '127.0.0.1');
      await once(socket, 'listening');
      return socket.address().port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || candidate === 0) throw error;
    }
  }
  throw new Error('unreachable');
}

/** The files of a rendering that change at run time (`runtimeFileKind`), with their entries. */
function runtimeFiles(rendered: RenderedHaproxy): Map<string, Map<string, string>> {
  return new Map([...rendered.maps].flatMap(([name, text]) => (runtimeFileKind(name) === null ? [] : [[name, runtimeFileEntries(text)] as const])));
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
  readonly #slots = new ServerSlots();
  readonly #control = new RouterControlMetrics();
  /** The serving process's configuration without its servers (see `#key`); null: start a new one. */
  #shapeKey: string | null = null;
  /** The files that change at run time (`runtimeFileKind`) as the serving process has them (name → entries). */
  #files = new Map<string, Map<string, string>>();
  /** `DYNO_MAP` as the serving process has it (slot → dyno name; a free slot may keep its last name). */
  #dynoMap = new Map<string, string>();
  /** Each app's code when it has no dyno to serve (H10 or H14), from the latest feed. */
  #idle = new Map<string, 'H10' | 'H14'>();
  /** App id → "<address>:<port>" → dyno name ("web.1"), for log lines (no key to build per line). */
  readonly #names = new Map<string, Map<string, string>>();
  #namesKept = 0;

  constructor(options: HaproxyRouterOptions) {
    this.#options = options;
    this.#supervisor = new HaproxySupervisor({
      dir: join(options.dir, 'haproxy'),
      onAdminRetry: () => this.#control.adminRetry(),
      ...(options.cgroupProcs === undefined ? {} : { cgroupProcs: options.cgroupProcs }),
      ...(options.log === undefined ? {} : { log: options.log }),
    });
  }

  get pid(): number | undefined {
    return this.#supervisor.pid;
  }

  /** The HAProxy master's pid (it outlives workers and `cove server`). */
  get masterPid(): number | undefined {
    return this.#supervisor.masterPid;
  }

  /** Admin retries and failures, reloads by cause. */
  get control(): RouterControlMetrics {
    return this.#control;
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
    // The same ports as the last server's: a HAProxy left running forwards its ring there.
    const portsFile = join(this.#options.dir, 'log-ports.json');
    const saved = (await readFile(portsFile, 'utf8').then((t) => JSON.parse(t) as { tcp?: unknown; udp?: unknown }).catch(() => ({}))) as { tcp?: unknown; udp?: unknown };
    const savedPort = (p: unknown): number => (typeof p === 'number' && Number.isInteger(p) && p > 0 && p < 65536 ? p : 0);
    this.#logPort = await listenTcp(server, savedPort(saved.tcp));
    server.on('error', (error) => this.#options.log?.error('Router log listener failed', error));
    this.#logServer = server;
    const socket = dgram.createSocket('udp4');
    socket.on('message', (msg) => this.#line(msg.toString('utf8').replace(/\n$/, '')));
    const udpPort = await bindUdp(socket, savedPort(saved.udp));
    socket.on('error', (error) => this.#options.log?.error('Router log socket failed', error));
    this.#finishingSocket = socket;
    await writeFile(portsFile, JSON.stringify({ tcp: this.#logPort, udp: udpPort }), { mode: 0o600 });
    this.#seenTimer = setInterval(() => {
      this.#seenBefore = this.#seen;
      this.#seen = new Set();
    }, 30_000);
    this.#seenTimer.unref();
    const adopted = (await this.#supervisor.start()) as SavedRouter | null;
    if (adopted !== null) {
      this.#slots.restore(adopted.slots);
      this.#shapeKey = adopted.shapeKey;
      this.#files = new Map(adopted.files.map(([name, entries]) => [name, new Map(entries)]));
      this.#idle = new Map(adopted.idle);
      for (const [appId, names] of adopted.names) this.#names.set(appId, new Map(names));
      // Without it every slot's name would be added again (`add map` keeps duplicates).
      if (adopted.dynoMap !== undefined) this.#dynoMap = new Map(adopted.dynoMap);
      else this.#shapeKey = null;
    }
  }

  /** Stops a HAProxy an earlier server left running with this directory; starts nothing. */
  async stopLeftover(): Promise<void> {
    await this.#supervisor.stopLeftover();
  }

  #snapshot(): SavedRouter {
    return {
      slots: this.#slots.snapshot(),
      shapeKey: this.#shapeKey,
      files: [...this.#files].map(([name, entries]) => [name, [...entries]]),
      idle: [...this.#idle],
      names: [...this.#names].map(([appId, names]) => [appId, [...names]]),
      dynoMap: [...this.#dynoMap],
    };
  }

  /**
   * Makes the feed the serving configuration; resolves once HAProxy answers from it (true: it
   * changed). Dynos joining or leaving routing, domains, caller lists and allow-only trusted IP
   * ranges change the serving process at run time; other changes start a new process.
   */
  async update(feed: NamespacedRouteFeed): Promise<boolean> {
    const changed = await this.#update(feed);
    if (changed) await this.#supervisor.save(this.#snapshot());
    return changed;
  }

  async #update(feed: NamespacedRouteFeed): Promise<boolean> {
    for (const app of feed.apps) for (const s of app.servers) this.#remember(app.appId, s);
    this.#idle = new Map(feed.apps.map((a) => [a.appId, a.idleCode]));
    try {
      await this.#releaseDrained();
    } catch (error) {
      // Only bookkeeping: slots stay draining until the next update asks again.
      this.#options.log?.error('Could not ask HAProxy about draining dynos', error);
    }
    let fresh: ReadonlyMap<string, readonly (RouteServer | null)[]> | null = null;
    let cause: ReloadCause = 'start';
    if (this.#supervisor.serving && this.#shapeKey !== null) {
      const plan = this.#slots.plan(feed);
      const mapsDir = this.#supervisor.mapsDir;
      const rendered = plan.commands === null ? null : this.#render(feed, this.#slots.shape, { statsSocket: '@', mapsDir: '@' });
      if (rendered !== null && mapsDir !== null && this.#key(rendered) === this.#shapeKey) {
        const files = runtimeFiles(rendered);
        const commands = [...(plan.commands ?? []), ...this.#fileChanges(files, mapsDir)];
        if (commands.length === 0) return false;
        this.#slots.applied();
        this.#files = files;
        // A slot's dyno is named before it takes requests: HAProxy writes the name into its lines.
        commands.unshift(...this.#dynoMapChanges(mapsDir));
        try {
          const answers = await this.#supervisor.command(commands, this.#slots.dynoIds);
          const refused = answers.find((a) => /no such|unknown|invalid|require|error/i.test(a));
          if (refused !== undefined) throw new HaproxyError(`HAProxy refused a routing change: ${refused.trim()}`);
          return true;
        } catch (error) {
          // Never left half-applied: a new generation rendered from the whole feed converges.
          this.#control.adminFailure();
          this.#options.log?.error('HAProxy did not take a routing change; loading the whole configuration', error);
          this.#shapeKey = null;
          cause = 'admin-failure';
        }
      } else {
        cause = plan.commands === null ? 'slots' : 'config';
      }
      fresh = cause === 'admin-failure' ? null : plan.fresh;
    }
    const slots = fresh ?? this.#freshSlots(feed);
    const dynoIds = [...slots.values()].flatMap((list) => list.flatMap((s) => (s === null ? [] : [s.dynoId])));
    const changed = await this.#supervisor.apply((paths) => this.#render(feed, slots, paths), dynoIds);
    if (changed) this.#control.reload(cause);
    this.#slots.reloaded(slots);
    this.#dynoMap = dynoMapEntries(slots);
    const rendered = this.#render(feed, this.#slots.shape, { statsSocket: '@', mapsDir: '@' });
    this.#files = runtimeFiles(rendered);
    this.#shapeKey = this.#key(rendered);
    return changed;
  }

  #freshSlots(feed: NamespacedRouteFeed): ReadonlyMap<string, readonly (RouteServer | null)[]> {
    this.#slots.clear();
    return this.#slots.plan(feed).fresh;
  }

  #render(feed: NamespacedRouteFeed, slots: ReadonlyMap<string, readonly (RouteServer | null)[]>, paths: HaproxyPaths): RenderedHaproxy {
    const o = this.#options;
    return renderHaproxy(feed, {
      http: o.http,
      https: o.https ?? null,
      logPort: this.#logPort,
      finishingLogPort: this.#finishingSocket?.address().port ?? 0,
      statsSocket: paths.statsSocket,
      mapsDir: paths.mapsDir,
      handoffDir: join(o.dir, 'haproxy'),
      pagesDir: join(o.dir, 'pages'),
      metricsPort: o.metricsPort ?? null,
      threads: o.threads ?? null,
      slots,
      ...(o.firstByteTimeoutMs === undefined ? {} : { firstByteTimeoutMs: o.firstByteTimeoutMs }),
    });
  }

  /**
   * A rendering with empty slots, less what changes at run time (host maps, caller lists and
   * allow-only rulesets: only their names count): equal keys, same process.
   */
  #key(rendered: RenderedHaproxy): string {
    return rendered.config + [...rendered.maps].map(([name, text]) => (runtimeFileKind(name) === null ? `${name}\n${text}` : name)).join('\n');
  }

  /** Admin commands that turn the serving process's run-time files into `files`. */
  #fileChanges(files: ReadonlyMap<string, ReadonlyMap<string, string>>, mapsDir: string): string[] {
    const commands: string[] = [];
    for (const [name, wanted] of files) {
      const kind = runtimeFileKind(name);
      const current = this.#files.get(name) ?? new Map<string, string>();
      const path = join(mapsDir, name);
      // New and changed entries before removed ones: a host moving between apps always routes.
      for (const [key, value] of wanted) {
        const was = current.get(key);
        if (was === value) continue;
        if (kind === 'acl') commands.push(`add acl ${path} ${key}`);
        else commands.push(was === undefined ? `add map ${path} ${key} ${value}` : `set map ${path} ${key} ${value}`);
      }
      for (const key of current.keys()) if (!wanted.has(key)) commands.push(`del ${kind} ${path} ${key}`);
    }
    return commands;
  }

  /** Admin commands that name the dynos of the serving slots in `DYNO_MAP`. */
  #dynoMapChanges(mapsDir: string): string[] {
    const path = join(mapsDir, DYNO_MAP);
    const commands: string[] = [];
    for (const [key, name] of dynoMapEntries(this.#slots.layout)) {
      const was = this.#dynoMap.get(key);
      if (was === name) continue;
      commands.push(was === undefined ? `add map ${path} ${key} ${name}` : `set map ${path} ${key} ${name}`);
      this.#dynoMap.set(key, name);
    }
    return commands;
  }

  /**
   * Draining slots without a request left: their dynos leave routing. Their slots take new dynos
   * once HAProxy pools no connection of theirs (`show servers conn`), so that a slot never
   * sends a request over a connection to the dyno it had before.
   */
  async #releaseDrained(): Promise<void> {
    const leaving = [...this.#slots.draining, ...this.#slots.spent];
    if (leaving.length === 0 || !this.#supervisor.serving) return;
    const backends = [...new Set(leaving.map((d) => d.proxy))];
    const [stat = '', ...pools] = await this.#supervisor.command(['show stat -1 4 -1', ...backends.map((b) => `show servers conn ${b}`)], this.#slots.dynoIds);
    const busy = new Set<string>();
    const columns = (stat.split('\n')[0] ?? '').replace(/^# /, '').split(',');
    const [px, sv, qcur, scur] = ['pxname', 'svname', 'qcur', 'scur'].map((c) => columns.indexOf(c)) as [number, number, number, number];
    for (const row of stat.split('\n').slice(1)) {
      const f = row.split(',');
      if (f.length < columns.length) continue;
      if (Number(f[qcur]) > 0 || Number(f[scur]) > 0) busy.add(`${f[px]}/${f[sv]}`);
    }
    // Slots HAProxy says it pools no connection of; any other answer frees nothing.
    const unpooled = new Set<string>();
    for (const pool of pools) {
      // "# bkname/svname bkid/svid addr port - purge_delay used_cur used_max need_est unsafe_nb safe_nb idle_lim idle_cur …"
      const names = (pool.split('\n')[0] ?? '').replace(/^# /, '').split(' ');
      const counts = ['used_cur', 'unsafe_nb', 'safe_nb', 'idle_cur'].map((c) => names.indexOf(c));
      if (counts.includes(-1)) continue;
      for (const row of pool.split('\n').slice(1)) {
        const f = row.split(' ');
        if (f.length >= names.length && counts.every((i) => f[i] === '0')) unpooled.add(f[0] ?? '');
      }
    }
    let released = false;
    for (const d of leaving) {
      const name = `${d.proxy}/${d.server}`;
      if (busy.has(name)) continue;
      this.#slots.released(d.proxy, d.server, !unpooled.has(name));
      released = true;
    }
    if (released) await this.#supervisor.command([], this.#slots.dynoIds);
  }

  /** Remembers which dyno an address of an app belongs to, for its log lines. */
  #remember(appId: string, server: RouteServer): void {
    const address = `${server.address}:${server.port}`;
    let names = this.#names.get(appId);
    if (names?.get(address) === server.name) return;
    if (this.#namesKept > 50_000) {
      this.#names.clear();
      this.#namesKept = 0;
      names = undefined;
    }
    if (names === undefined) this.#names.set(appId, (names = new Map()));
    names.set(address, server.name);
    this.#namesKept++;
  }

  /** True while a HAProxy process (serving or finishing) may still send requests to the dyno. */
  routes(dynoId: string): boolean {
    return this.#supervisor.routes(dynoId);
  }

  /** Stops HAProxy, or with `keepRunning` leaves it serving for the next server to adopt. */
  async close(options: { readonly keepRunning?: boolean } = {}): Promise<void> {
    if (options.keepRunning === true && this.#supervisor.serving) await this.#supervisor.save(this.#snapshot());
    await this.#supervisor.close(options);
    this.#slots.clear();
    this.#shapeKey = null;
    for (const connection of this.#logConnections) connection.destroy();
    this.#logServer?.close();
    this.#logServer = null;
    this.#finishingSocket?.close();
    this.#finishingSocket = null;
    if (this.#seenTimer !== null) clearInterval(this.#seenTimer);
  }

  /** What a log line alone does not say, for `parseRouterLog` (one object: this runs per request). */
  readonly #logContext: RouterLogContext = {
    dynoAt: (appId, address) => this.#names.get(appId)?.get(address),
    idleCode: (appId) => this.#idle.get(appId) ?? 'H14',
  };

  #line(text: string): void {
    const entry = parseRouterLog(text, this.#logContext);
    if (entry === null) return;
    const key = entry.duplicateKey;
    if (key !== null) {
      if (this.#seen.has(key) || this.#seenBefore.has(key)) return;
      this.#seen.add(key);
    }
    this.#options.onRequest?.(entry);
  }
}
