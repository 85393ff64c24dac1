/**
 * The linux Runtime backend (design §2–3): spaces are space-router network namespaces joined
 * to the host by transit veths, dynos are sandboxed processes in their own netns, cgroup, pid
 * and mount namespaces, supervised through detached per-dyno supervisors so they survive the
 * server. Everything lives under `<dataDir>/runtime/` and every kernel object carries a Cove
 * prefix (see kernel-names.ts), so `start()` adopts what a previous run left and removes orphans.
 *
 * Apps outside any space run in the shared default network: a router netns like a space's
 * (`cvs-default`, 10.255.0.0/16 by default, only zone "a") whose bridge ports are isolated, so
 * dynos there cannot reach each other (as in Heroku's Common Runtime), and which sends from the
 * first outbound IP.
 *
 * The control plane gives Heroku-level facts only (SpaceSpec, DynoSpec): the short ids kernel
 * objects are named from and the transit /30s are allocated here and kept with each space's
 * state (space-records.ts); slugs arrive as URLs plus SHA-256 and are fetched into the slug cache
 * (slug-fetch.ts). `spaceNetwork()` tells the Linux data plane (router, DNS) where a space is.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { RuntimeError } from '../../shared/errors.js';
import type {
  Capability,
  DynoAttachment,
  DynoSpec,
  DynoStatus,
  Runtime,
  RuntimeHooks,
  RuntimeLogLine,
  SpaceListenRequest,
  SpaceSockets,
  SpaceSpec,
  SpaceStatus,
} from '../runtime.js';
import { initialLifecycleState } from '../dyno-lifecycle.js';
import { MAX_SPACE_INDEX, intToIp, ipToInt, spaceAddressing, type SpaceAddressing } from '../../shared/space-addressing.js';
import { Cgroups } from './cgroups.js';
import { ATTACHED_SUPERVISE_SCRIPT } from './attached-dyno.js';
import { DYNO_INIT_SCRIPT, SUPERVISE_SCRIPT } from './dyno-sandbox.js';
import { DynoSupervisor, type DynoContext, type SupervisedDyno } from './dyno-supervisor.js';
import { exec } from './exec.js';
import { applyHostFirewall, removeHostFirewall } from './host-firewall.js';
import {
  DEFAULT_NETWORK_SHORT_ID,
  DYNO_NETNS_PREFIX,
  SPACE_NETNS_PREFIX,
  TRANSIT_LINK_PREFIX,
  dynoCgroupName,
  dynoNetns,
  shortIdOf,
  spaceNetns,
  transitLink,
} from './kernel-names.js';
import { defaultRouteInterface, deleteNetns, listLinks, listNetns, primaryAddress } from './netns.js';
import { listenInNetns } from '../../shared/netns-listen.js';
import { applySpaceNetwork, readSpaceNetwork, removeSpaceNetwork } from './space-network.js';
import { SlugStore } from './slug-store.js';
import { allocateShortId, allocateTransitIndex, parseSpaceRecord, type LinuxSpaceRecord } from './space-records.js';

export interface LinuxRuntimeOptions {
  /** Cove's data directory; the runtime keeps its files under `<dataDir>/runtime/`. */
  readonly dataDir: string;
  /**
   * Cgroups under the parent that are the data plane's, not orphans: `start()` leaves them (and
   * the processes in them, which outlive the server); `cleanup()` still removes them. @default []
   */
  readonly keepCgroups?: readonly string[];
  /** Where space egress leaves the host. @default the interface of the default route */
  readonly publicInterface: string | null;
  /** Addresses of the public interface spaces send from. @default its primary address, shared */
  readonly outboundIps: readonly string[];
  readonly hooks?: RuntimeHooks;
  /**
   * Host ports that must never be reachable from a dyno. Every host port already is unreachable
   * from spaces (the host drops new connections from transit links); these are dropped explicitly
   * as well, so the guarantee survives later ingress rules.
   */
  readonly protectedPorts?: readonly number[];
  /** Host ports of the public router, which dynos may reach (TCP). @default [] */
  readonly routerPorts?: readonly number[];
  /** The cgroup parent every dyno cgroup lives under (per hierarchy). @default "cove" */
  readonly cgroupParent?: string;
  /** Uid and gid dynos run as. @default 64600 */
  readonly dynoUid?: number;
  readonly dynoGid?: number;
  /** The cgroup hard memory limit as a multiple of the dyno's memory quota. @default 2 */
  readonly memoryHardLimitFactor?: number;
  /** The shared default network for apps outside any space. @default "10.255.0.0/16" */
  readonly defaultNetworkCidr?: string;
  /** How often dynos are polled (output, up, exit, memory). @default 200 */
  readonly pollIntervalMs?: number;
  /**
   * The control plane's blob directory, when it runs on this host: a slug whose tarball is there
   * (`<localBlobDir>/slugs/<id>.tgz`) with the right SHA-256 is read directly instead of fetched
   * from its URL. @default null (always fetch)
   */
  readonly localBlobDir?: string | null;
}


const DEFAULT_NETWORK_ID = '__default__';

export class LinuxRuntime implements Runtime {
  readonly kind = 'linux';
  readonly capabilities: ReadonlySet<Capability> = new Set(['attach'] as const);
  readonly #options: LinuxRuntimeOptions;
  readonly #root: string;
  readonly #cgroups: Cgroups;
  readonly #slugs: SlugStore;
  readonly #spaces = new Map<string, LinuxSpaceRecord>();
  readonly #dynos = new Map<string, DynoSupervisor>();
  /** Per space and zone, the offset of the last dyno address handed out (see startDyno). */
  readonly #addressCursor = new Map<string, number>();
  readonly #ctx: DynoContext;
  #publicInterface: string | null = null;
  #outboundPool: string[] = [];
  #started: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #ticking: Promise<void> | null = null;
  #lock: Promise<unknown> = Promise.resolve();

  constructor(options: LinuxRuntimeOptions) {
    this.#options = options;
    this.#root = `${options.dataDir}/runtime`;
    this.#cgroups = new Cgroups(options.cgroupParent ?? 'cove');
    const uid = options.dynoUid ?? 64600;
    const gid = options.dynoGid ?? uid;
    if (uid === 0 || gid === 0) throw new TypeError('Dynos cannot run as root: dynoUid and dynoGid must not be 0');
    this.#slugs = new SlugStore(`${this.#root}/slugs`, { uid, gid }, { localBlobDir: options.localBlobDir ?? null });
    const hooks = options.hooks ?? {};
    this.#ctx = {
      cgroups: this.#cgroups,
      binDir: `${this.#root}/bin`,
      uid,
      gid,
      memoryHardLimitFactor: options.memoryHardLimitFactor ?? 2,
      log: (line: RuntimeLogLine) => hooks.log?.(line),
      changed: () => hooks.changed?.(),
    };
  }

  /** The cgroup parent directories, for tests and operators. */
  get cgroupParents(): string[] {
    return this.#cgroups.existingParents();
  }

  start(): Promise<void> {
    this.#started ??= this.#start().catch((error: unknown) => {
      this.#started = null;
      throw error;
    });
    return this.#started;
  }

  async #start(): Promise<void> {
    await mkdir(this.#root, { recursive: true, mode: 0o700 });
    await chmod(this.#root, 0o700);
    for (const dir of ['bin', 'spaces', 'dynos', 'slugs']) await mkdir(`${this.#root}/${dir}`, { recursive: true });
    await writeFile(`${this.#root}/bin/supervise.sh`, SUPERVISE_SCRIPT, { mode: 0o755 });
    await writeFile(`${this.#root}/bin/dyno-init.sh`, DYNO_INIT_SCRIPT, { mode: 0o755 });
    await mkdir(`${this.#root}/bin/attached`, { recursive: true });
    await writeFile(`${this.#root}/bin/attached/supervise.sh`, ATTACHED_SUPERVISE_SCRIPT, { mode: 0o755 });
    this.#publicInterface = this.#options.publicInterface ?? (await defaultRouteInterface());
    if (this.#options.outboundIps.length > 0) this.#outboundPool = [...this.#options.outboundIps];
    else if (this.#publicInterface !== null) {
      const primary = await primaryAddress(this.#publicInterface);
      this.#outboundPool = primary === null ? [] : [primary];
    }

    for (const file of await readdir(`${this.#root}/spaces`)) {
      if (!file.endsWith('.json')) continue;
      const record = parseSpaceRecord(await readFile(`${this.#root}/spaces/${file}`, 'utf8'));
      // Unreadable: its kernel objects are orphans, removed below.
      if (record === null) continue;
      this.#spaces.set(record.spec.id, record);
      // Rewritten in this format (same file name: the short id is kept).
      await this.#saveSpace(record);
    }
    for (const record of this.#spaces.values()) await this.#applyNetwork(record);
    await this.#applyHost();

    for (const entry of await readdir(`${this.#root}/dynos`)) {
      const dir = `${this.#root}/dynos/${entry}`;
      const sup = await DynoSupervisor.load(dir, this.#ctx);
      if (sup === null) {
        await killSupervisors(dir);
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      const r = sup.record;
      const space = r.spec.spaceId === null ? this.#spaces.get(DEFAULT_NETWORK_ID) : this.#spaces.get(r.spec.spaceId);
      // An attached one-off's session died with the previous server (as on Heroku): end it.
      const detachedFromSession = r.spec.attach !== undefined;
      if (space === undefined || r.stopping || detachedFromSession) {
        if ((r.stopping || detachedFromSession) && space !== undefined) await sup.stop(0);
        await sup.destroy();
        continue;
      }
      this.#dynos.set(r.spec.id, sup);
      if (!existsSync(`/run/netns/${sup.netns}`)) {
        // Host rebooted or netns lost: the process is gone too; rebuild the network, let the
        // supervision loop see the exit and restart it.
        await sup.createNetwork();
      }
    }
    await this.#removeOrphans();
    this.#timer = setInterval(() => void this.#tick(), this.#options.pollIntervalMs ?? 200);
    this.#timer.unref();
  }

  async close(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#ticking;
    // A clean stop: every line read has been handed on, so the exact output offsets are saved.
    for (const sup of this.#dynos.values()) await sup.save(true).catch(() => undefined);
    this.#dynos.clear();
    this.#spaces.clear();
    this.#started = null;
  }

  async applySpace(spec: SpaceSpec): Promise<SpaceStatus> {
    await this.start();
    return this.#exclusive(async () => {
      const existing = this.#spaces.get(spec.id);
      const outboundIps =
        spec.outboundIps.length > 0 ? [...spec.outboundIps] : existing !== undefined && existing.outboundIps.length > 0 ? existing.outboundIps : this.#pickOutbound(spec.id);
      const others = [...this.#spaces.values()].filter((r) => r.spec.id !== spec.id);
      const shortId = existing?.shortId ?? allocateShortId(spec.id, new Set(others.map((r) => r.shortId)));
      const transitIndex = existing?.transitIndex ?? allocateTransitIndex(new Set([...others.map((r) => r.transitIndex), MAX_SPACE_INDEX]));
      if (transitIndex < 0) throw new RuntimeError('ADDRESS_EXHAUSTED', `Cannot create the network of space "${spec.name}": no transit /30 is left`, { retryable: false });
      const record: LinuxSpaceRecord = { spec: { id: spec.id, name: spec.name, cidr: spec.cidr, dataCidr: spec.dataCidr, outboundIps: spec.outboundIps, zones: spec.zones }, shortId, transitIndex, outboundIps, isDefault: false };
      this.#spaces.set(spec.id, record);
      await this.#saveSpace(record);
      await this.#applyNetwork(record);
      await this.#applyHost();
      const health = new Map(spec.zones.map((z) => [z.name, z.healthy]));
      for (const sup of this.#dynos.values()) {
        if (sup.record.spec.spaceId === spec.id) await sup.setZoneHealthy(health.get(sup.record.zone) !== false);
      }
      return this.#status(record);
    });
  }

  async removeSpace(spaceId: string): Promise<void> {
    await this.start();
    for (const sup of [...this.#dynos.values()]) {
      if (sup.record.spec.spaceId === spaceId) await this.stopDyno(sup.record.spec.id, { graceSeconds: 0 });
    }
    await this.#exclusive(async () => {
      const record = this.#spaces.get(spaceId);
      if (record === undefined) return;
      await removeSpaceNetwork(record.shortId);
      this.#spaces.delete(spaceId);
      await rm(`${this.#root}/spaces/${record.shortId}.json`, { force: true });
      await this.#applyHost();
    });
  }

  async listSpaces(): Promise<SpaceStatus[]> {
    await this.start();
    const out: SpaceStatus[] = [];
    for (const record of this.#spaces.values()) if (!record.isDefault) out.push(await this.#status(record));
    return out;
  }

  get #defaultNetworkCidr(): string {
    return this.#options.defaultNetworkCidr ?? '10.255.0.0/16';
  }

  async listenInSpace(spaceId: string | null, request: SpaceListenRequest): Promise<SpaceSockets> {
    await this.start();
    const space = spaceId === null ? await this.#defaultNetwork() : this.#spaces.get(spaceId);
    if (space === undefined) {
      throw new RuntimeError('SPACE_NOT_FOUND', `Cannot listen in space "${spaceId ?? ''}": it has no network`);
    }
    const a = addressingOf(space);
    const address = request.vip === 'dns' ? a.dnsAddress : a.routerAddress;
    const sockets = await listenInNetns(spaceNetns(space.shortId), { address, port: request.port, udp: request.udp, tcp: request.tcp });
    return { address, ...sockets };
  }

  /**
   * Where a space's (null: the default network's) DNS server listens: the namespace holding its
   * DNS address, and that address. The DNS child binds there itself (it outlives this server).
   */
  async dnsPlacement(spaceId: string | null): Promise<{ netns: string; address: string }> {
    await this.start();
    const space = spaceId === null ? await this.#defaultNetwork() : this.#spaces.get(spaceId);
    if (space === undefined) {
      throw new RuntimeError('SPACE_NOT_FOUND', `Cannot serve DNS in space "${spaceId ?? ''}": it has no network`);
    }
    return { netns: spaceNetns(space.shortId), address: addressingOf(space).dnsAddress };
  }

  async startDyno(spec: DynoSpec): Promise<void> {
    await this.start();
    if (this.#dynos.has(spec.id)) return;
    const space = spec.spaceId === null ? await this.#defaultNetwork() : this.#spaces.get(spec.spaceId);
    if (space === undefined) {
      throw new RuntimeError('SPACE_NOT_FOUND', `Cannot start dyno "${spec.name}": space "${spec.spaceId ?? ''}" has no network`);
    }
    const addressing = addressingOf(space);
    const zoneName = space.isDefault ? 'a' : (spec.zone ?? 'a');
    const zone = addressing.zones.find((z) => z.name === zoneName);
    if (zone === undefined) throw new RuntimeError('DYNO_START_FAILED', `Cannot start dyno "${spec.name}": unknown zone "${zoneName}"`, { retryable: false });
    const shortId = shortIdOf(spec.id);
    const dir = `${this.#root}/dynos/${shortId}`;
    // Allocated synchronously, so concurrent starts never collide. Round-robin from the last
    // address handed out in the zone, not the first free one: an address a dyno just gave up is
    // reused last, because its old veth and the space router's neighbour entry for it linger for
    // a while after the dyno stops, and a connection to the reused address could reach them.
    const taken = new Set([...this.#dynos.values()].filter((d) => d.record.spaceShortId === space.shortId).map((d) => d.record.privateIp));
    const first = ipToInt(zone.firstHost);
    const size = ipToInt(zone.lastHost) - first + 1;
    const cursorKey = `${space.shortId}/${zone.name}`;
    const cursor = this.#addressCursor.get(cursorKey) ?? -1;
    let ip: string | null = null;
    for (let k = 1; k <= size; k++) {
      const offset = (cursor + k) % size;
      if (!taken.has(intToIp(first + offset))) {
        ip = intToIp(first + offset);
        this.#addressCursor.set(cursorKey, offset);
        break;
      }
    }
    if (ip === null) throw new RuntimeError('ADDRESS_EXHAUSTED', `Cannot start dyno "${spec.name}": zone "${zone.name}" has no free address`);
    const record: SupervisedDyno = {
      spec,
      shortId,
      spaceShortId: space.shortId,
      zone: zone.name,
      privateIp: ip,
      prefixLength: Number(zone.subnet.split('/')[1]),
      gateway: zone.gateway,
      dnsAddress: addressing.dnsAddress,
      isolated: space.isDefault,
      slugAppDir: '',
      ...initialLifecycleState(Date.now()),
      oomBaseline: 0,
      outputOffset: 0,
    };
    const sup = new DynoSupervisor(dir, record, this.#ctx);
    this.#dynos.set(spec.id, sup);
    try {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true, mode: 0o700 });
      record.slugAppDir = await this.#slugs.ensure(spec.slug);
      await sup.save();
      await sup.createNetwork();
      await sup.launch();
    } catch (error) {
      this.#dynos.delete(spec.id);
      await sup.destroy().catch(() => undefined);
      if (error instanceof RuntimeError && (error.code === 'SLUG_INVALID' || error.code === 'SLUG_UNAVAILABLE')) throw error;
      throw new RuntimeError('DYNO_START_FAILED', `Cannot start dyno "${spec.name}": ${(error as Error).message}`, { cause: error });
    }
    this.#ctx.changed();
  }

  async attachDyno(dynoId: string): Promise<DynoAttachment | null> {
    await this.start();
    return this.#dynos.get(dynoId)?.takeAttachment() ?? null;
  }

  async stopDyno(dynoId: string, options: { graceSeconds?: number } = {}): Promise<void> {
    await this.start();
    const sup = this.#dynos.get(dynoId);
    if (sup === undefined) return;
    await sup.stop(options.graceSeconds ?? 30);
    await sup.destroy();
    this.#dynos.delete(dynoId);
    this.#ctx.changed();
  }

  async listDynos(): Promise<DynoStatus[]> {
    await this.start();
    await this.#tick();
    return [...this.#dynos.values()].map((d) => d.status());
  }

  async cleanup(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#ticking;
    for (const sup of this.#dynos.values()) await sup.destroy().catch(() => undefined);
    this.#dynos.clear();
    if (existsSync(`${this.#root}/dynos`)) {
      for (const entry of await readdir(`${this.#root}/dynos`)) await killSupervisors(`${this.#root}/dynos/${entry}`);
    }
    await this.#cgroups.removeAll();
    for (const ns of await listNetns()) {
      if (ns.startsWith(DYNO_NETNS_PREFIX)) await deleteNetns(ns);
    }
    for (const ns of await listNetns()) {
      if (ns.startsWith(SPACE_NETNS_PREFIX)) await deleteNetns(ns);
    }
    for (const link of await listLinks(null)) {
      if (link.ifname.startsWith(TRANSIT_LINK_PREFIX)) await exec('ip', ['link', 'del', link.ifname], { allowFailure: true });
    }
    await removeHostFirewall().catch(() => undefined);
    for (const entry of await readdir('/etc/netns').catch(() => [])) {
      if (entry.startsWith(DYNO_NETNS_PREFIX) || entry.startsWith(SPACE_NETNS_PREFIX)) await rm(`/etc/netns/${entry}`, { recursive: true, force: true });
    }
    await rm(this.#root, { recursive: true, force: true });
    this.#spaces.clear();
    this.#started = null;
  }

  #tick(): Promise<void> {
    this.#ticking ??= (async () => {
      await Promise.all([...this.#dynos.values()].map((d) => d.tick().catch(() => undefined)));
    })().finally(() => {
      this.#ticking = null;
    });
    return this.#ticking;
  }

  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#lock.then(fn, fn);
    this.#lock = run.catch(() => undefined);
    return run;
  }

  #pickOutbound(spaceId: string): string[] {
    const used = new Map<string, number>();
    for (const r of this.#spaces.values()) {
      if (r.isDefault || r.spec.id === spaceId) continue;
      for (const ip of r.outboundIps) used.set(ip, (used.get(ip) ?? 0) + 1);
    }
    let best: string | undefined;
    for (const ip of this.#outboundPool) if (best === undefined || (used.get(ip) ?? 0) < (used.get(best) ?? 0)) best = ip;
    return best === undefined ? [] : [best];
  }

  async #defaultNetwork(): Promise<LinuxSpaceRecord> {
    return this.#exclusive(async () => {
      const existing = this.#spaces.get(DEFAULT_NETWORK_ID);
      if (existing !== undefined) return existing;
      const record: LinuxSpaceRecord = {
        spec: {
          id: DEFAULT_NETWORK_ID,
          name: 'default',
          cidr: this.#defaultNetworkCidr,
          dataCidr: this.#defaultNetworkCidr,
          outboundIps: [],
          zones: [{ name: 'a', healthy: true }],
        },
        shortId: DEFAULT_NETWORK_SHORT_ID,
        transitIndex: MAX_SPACE_INDEX,
        outboundIps: this.#outboundPool.slice(0, 1),
        isDefault: true,
      };
      this.#spaces.set(DEFAULT_NETWORK_ID, record);
      await this.#saveSpace(record);
      await this.#applyNetwork(record);
      await this.#applyHost();
      return record;
    });
  }

  async #saveSpace(record: LinuxSpaceRecord): Promise<void> {
    const file = `${this.#root}/spaces/${record.shortId}.json`;
    await writeFile(`${file}.tmp`, JSON.stringify(record));
    await rename(`${file}.tmp`, file);
  }

  async #applyNetwork(record: LinuxSpaceRecord): Promise<void> {
    await applySpaceNetwork({
      shortId: record.shortId,
      addressing: addressingOf(record),
      zoneHealth: new Map(record.spec.zones.map((z) => [z.name, z.healthy])),
      isolateDynos: record.isDefault,
    });
  }

  async #applyHost(): Promise<void> {
    await applyHostFirewall(
      this.#publicInterface,
      [...this.#spaces.values()].map((r) => ({ transitSpace: addressingOf(r).transitSpace, outboundIps: r.outboundIps })),
      this.#options.protectedPorts ?? [],
      this.#options.routerPorts ?? [],
    );
  }

  async #status(record: LinuxSpaceRecord): Promise<SpaceStatus> {
    const a = addressingOf(record);
    const kernel = await readSpaceNetwork(record.shortId);
    return {
      id: record.spec.id,
      ready: kernel.exists && a.zones.every((z) => kernel.zones.has(z.name)),
      outboundIps: record.outboundIps,
      dnsAddress: a.dnsAddress,
      routerAddress: a.routerAddress,
      zones: a.zones.map((z) => ({ name: z.name, subnet: z.subnet, healthy: kernel.zones.get(z.name)?.up ?? false })),
    };
  }

  async #removeOrphans(): Promise<void> {
    const spaceNs = new Set([...this.#spaces.values()].map((r) => spaceNetns(r.shortId)));
    const dynoNs = new Set([...this.#dynos.values()].map((d) => dynoNetns(d.record.shortId)));
    for (const ns of await listNetns()) {
      if ((ns.startsWith(SPACE_NETNS_PREFIX) && !spaceNs.has(ns)) || (ns.startsWith(DYNO_NETNS_PREFIX) && !dynoNs.has(ns))) {
        await deleteNetns(ns);
      }
    }
    const transits = new Set([...this.#spaces.values()].map((r) => transitLink(r.shortId)));
    for (const link of await listLinks(null)) {
      if (link.ifname.startsWith(TRANSIT_LINK_PREFIX) && !transits.has(link.ifname)) {
        await exec('ip', ['link', 'del', link.ifname], { allowFailure: true });
      }
    }
    const cgroups = new Set([...this.#dynos.values()].map((d) => dynoCgroupName(d.record.shortId)));
    for (const name of this.#options.keepCgroups ?? []) cgroups.add(name);
    for (const name of await this.#cgroups.list()) if (!cgroups.has(name)) await this.#cgroups.remove(name).catch(() => undefined);
    for (const entry of await readdir('/etc/netns').catch(() => [])) {
      if ((entry.startsWith(DYNO_NETNS_PREFIX) && !dynoNs.has(entry)) || (entry.startsWith(SPACE_NETNS_PREFIX) && !spaceNs.has(entry))) {
        await rm(`/etc/netns/${entry}`, { recursive: true, force: true });
      }
    }
  }

  /**
   * Linux only (not part of Runtime), for the linux data plane (router, DNS) and tests: where a space's network is: the namespace of its router, its virtual addresses and its
   * transit link; null while this runtime holds no network for the space. `null` asks for the
   * shared default network (no internal router, no transit address of its own).
   */
  spaceNetwork(spaceId: string | null): LinuxSpaceNetwork | null {
    if (spaceId === null) return { namespace: spaceNetns(DEFAULT_NETWORK_SHORT_ID), dnsAddress: null, routerAddress: null, transitHost: null, transitSpace: null };
    const record = this.#spaces.get(spaceId);
    if (record === undefined || record.isDefault) return null;
    const a = addressingOf(record);
    return { namespace: spaceNetns(record.shortId), dnsAddress: a.dnsAddress, routerAddress: a.routerAddress, transitHost: a.transitHost, transitSpace: a.transitSpace };
  }
}

/** A space network as the linux data plane needs it (see LinuxRuntime.spaceNetwork). */
export interface LinuxSpaceNetwork {
  /** The space router's network namespace, e.g. "cvs-1a2b3c4d". */
  readonly namespace: string;
  /** The space's DNS and internal router virtual addresses; null for the default network. */
  readonly dnsAddress: string | null;
  readonly routerAddress: string | null;
  /** Host side of the transit link: where the space's dynos reach the public router. */
  readonly transitHost: string | null;
  /** Space side of the transit link: where the public router sees the space's dynos come from. */
  readonly transitSpace: string | null;
}

function addressingOf(record: LinuxSpaceRecord): SpaceAddressing {
  return spaceAddressing(record.spec.cidr, record.transitIndex);
}

/** SIGKILLs any supervisor whose pid file is in `dir` and whose command line names `dir`. */
async function killSupervisors(dir: string): Promise<void> {
  for (const file of await readdir(dir).catch(() => [])) {
    if (!/^supervisor-\d+\.pid$/.test(file)) continue;
    const pid = Number((await readFile(`${dir}/${file}`, 'utf8').catch(() => '')).trim());
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (pid > 0 && cmdline.includes('supervise.sh') && cmdline.includes(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone.
      }
    }
  }
}
