/**
 * Supervises one dyno from the server, the Linux I/O half: launches it through its detached
 * supervisor script, follows its output file, looks for a listening socket on $PORT in the
 * dyno's netns, reads its cgroup's memory and OOM counters and its exit file, and signals its
 * cgroup. What those observations mean (states, back-off, R10, R12, R14, R15 and their log
 * lines) is decided by the shared `DynoLifecycle`. Everything it knows is persisted in
 * `dyno.json`, so a new server adopts the dyno.
 */
import { existsSync } from 'node:fs';
import { open, readFile, rename, rm, truncate, writeFile, type FileHandle } from 'node:fs/promises';
import { formatLogTime } from '../../shared/log-line-format.js';
import { DynoLifecycle, type DynoEffect, type DynoLifecycleState } from '../dyno-lifecycle.js';
import type { DynoSpec, DynoStatus, RuntimeLogLine } from '../runtime.js';
import type { Cgroups } from './cgroups.js';
import { launchAttachedDyno, type AttachedDyno } from './attached-dyno.js';
import { launchDyno, removeDynoNetwork, createDynoNetwork, type DynoLaunch } from './dyno-sandbox.js';
import { dynoCgroupName, dynoNetns } from './kernel-names.js';

/** The port every dyno's $PORT is set to; each dyno has its own address, so one port suffices. */
export const DYNO_PORT = 5000;
const OUTPUT_TRUNCATE_BYTES = 4 * 1024 * 1024;
/**
 * The most output of one dyno kept for delivery when the server reads it late (after the control
 * plane was down, or a dyno writing faster than it is read): the newest 1 MiB. Older lines are
 * dropped with an L10 line saying how many.
 */
export const OUTPUT_BACKLOG_BYTES = 1024 * 1024;

/**
 * How long a line read from output.log may stay only in memory downstream (the store writes its
 * log lines behind, once a second): the offset saved in dyno.json lags the reads by this much,
 * so a server killed with SIGKILL is followed by one that reads those lines again (a few may be
 * delivered twice, none lost). A clean stop saves the exact offset.
 */
const OUTPUT_DURABLE_LAG_MS = 2500;

/** Heroku's L10 line for output a dyno wrote that was dropped before delivery. */
export function outputOverflowMessage(count: number, sinceMs: number): string {
  return `Error L10 (output buffer overflow): ${count} messages dropped since ${formatLogTime(new Date(sinceMs).toISOString())}.`;
}

export interface DynoContext {
  readonly cgroups: Cgroups;
  readonly binDir: string;
  readonly uid: number;
  readonly gid: number;
  /** The cgroup's hard memory limit is this multiple of the dyno's quota (R15 at the limit). */
  readonly memoryHardLimitFactor: number;
  log(line: RuntimeLogLine): void;
  changed(): void;
}

/** What `dyno.json` holds: where the dyno lives on this host, and its lifecycle state. */
export interface SupervisedDyno extends DynoLifecycleState {
  spec: DynoSpec;
  shortId: string;
  spaceShortId: string;
  zone: string;
  privateIp: string;
  prefixLength: number;
  gateway: string;
  dnsAddress: string;
  isolated: boolean;
  slugAppDir: string;
  /** The cgroup's OOM kill count when the current launch started (more at exit: R15). */
  oomBaseline: number;
  /** How far output.log was read and delivered; saved after every read, so a new server goes on from there. */
  outputOffset: number;
  /** When output.log was last read (ms): lines dropped past the backlog bound were written after it. */
  outputReadAt?: number;
}

export class DynoSupervisor {
  readonly record: SupervisedDyno;
  readonly dir: string;
  readonly #ctx: DynoContext;
  readonly #lifecycle: DynoLifecycle;
  #partial = '';
  /** Offsets (of whole lines) reached by recent reads, oldest first, not yet safe to save. */
  #reads: { at: number; offset: number }[] = [];
  /** The output offset safe to save: lines before it have been delivered for good. */
  #durableOffset: number;
  #busy: Promise<void> | null = null;
  #saving: Promise<void> = Promise.resolve();
  /** An attached dyno's stream until a session takes it (see attached-dyno.ts). */
  #attachment: AttachedDyno | null = null;

  constructor(dir: string, record: SupervisedDyno, ctx: DynoContext) {
    this.dir = dir;
    this.record = record;
    this.#ctx = ctx;
    this.#lifecycle = new DynoLifecycle(record.spec, record);
    this.#durableOffset = record.outputOffset;
  }

  static async load(dir: string, ctx: DynoContext): Promise<DynoSupervisor | null> {
    try {
      const record = JSON.parse(await readFile(`${dir}/dyno.json`, 'utf8')) as SupervisedDyno;
      return new DynoSupervisor(dir, record, ctx);
    } catch {
      return null;
    }
  }

  get cgroup(): string {
    return dynoCgroupName(this.record.shortId);
  }

  get netns(): string {
    return dynoNetns(this.record.shortId);
  }

  /**
   * Persists the record; saves are serialized (a stop and a supervision step may overlap).
   * `final` (the server stops cleanly) saves the exact output offset instead of a lagging one.
   */
  save(final = false): Promise<void> {
    const write = async (): Promise<void> => {
      const tmp = `${this.dir}/dyno.json.tmp`;
      await writeFile(tmp, JSON.stringify({ ...this.record, outputOffset: this.#savedOffset(final) }));
      await rename(tmp, `${this.dir}/dyno.json`);
    };
    const next = this.#saving.then(write, write);
    this.#saving = next.catch(() => undefined);
    return next;
  }

  status(): DynoStatus {
    const r = this.record;
    return {
      id: r.spec.id,
      appId: r.spec.appId,
      spaceId: r.spec.spaceId,
      name: r.spec.name,
      type: r.spec.type,
      zone: r.spec.spaceId === null ? null : r.zone,
      releaseId: r.spec.releaseId,
      state: r.state,
      privateIp: r.privateIp,
      port: r.spec.listens ? DYNO_PORT : null,
      updatedAt: r.updatedAt,
      exitCode: r.exitCode ?? null,
    };
  }

  /** The environment of the dyno's command: config vars, then what the platform sets. */
  env(): Record<string, string> {
    const s = this.record.spec;
    const app = `${s.appName}.app.localspace`;
    return {
      ...s.env,
      PORT: String(DYNO_PORT),
      DYNO: s.name,
      HEROKU_PRIVATE_IP: this.record.privateIp,
      HEROKU_DNS_APP_NAME: app,
      HEROKU_DNS_FORMATION_NAME: `${s.type}.${app}`,
      HEROKU_DNS_DYNO_NAME: `${s.number}.${s.type}.${app}`,
      HOME: '/app',
      PATH: '/app/.heroku/node/bin:/app/bin:/app/node_modules/.bin:/usr/local/bin:/usr/bin:/bin',
    };
  }

  async createNetwork(): Promise<void> {
    const r = this.record;
    await createDynoNetwork({
      shortId: r.shortId,
      spaceShortId: r.spaceShortId,
      zone: r.zone,
      privateIp: r.privateIp,
      prefixLength: r.prefixLength,
      gateway: r.gateway,
      dnsAddress: r.dnsAddress,
      isolated: r.isolated,
    });
  }

  async ensureCgroup(): Promise<void> {
    const limits = this.record.spec.limits;
    await this.#ctx.cgroups.create(this.cgroup, {
      memoryBytes: Math.round(limits.memoryMb * this.#ctx.memoryHardLimitFactor * 1024 * 1024),
      pids: Math.max(64, limits.pids),
      cpuPercent: limits.cpuPercent,
    });
  }

  /** Starts (or restarts) the dyno's process. */
  async launch(): Promise<void> {
    const r = this.record;
    await this.#ctx.cgroups.signal(this.cgroup, 'SIGKILL');
    await this.ensureCgroup();
    const starting = this.#lifecycle.launching(Date.now());
    r.oomBaseline = await this.#ctx.cgroups.oomKills(this.cgroup);
    await this.#apply(starting);
    const launch: DynoLaunch = {
      dir: this.dir,
      launch: r.launch,
      netns: this.netns,
      procsFiles: this.#ctx.cgroups.procsFiles(this.cgroup),
      binDir: this.#ctx.binDir,
      slugAppDir: r.slugAppDir,
      uid: this.#ctx.uid,
      gid: this.#ctx.gid,
      tmpSize: `${Math.max(16, r.spec.limits.memoryMb)}m`,
      command: r.spec.command,
      env: this.env(),
    };
    if (r.spec.attach === undefined) await launchDyno(launch);
    else this.#attachment = await launchAttachedDyno(launch, r.spec.attach, () => this.#ctx.cgroups.pids(this.cgroup));
    await this.#apply(this.#lifecycle.launched(Date.now()));
    await this.save();
  }

  /** The attached dyno's stream, once: a second session gets null. */
  takeAttachment(): AttachedDyno | null {
    const attachment = this.#attachment;
    this.#attachment = null;
    return attachment;
  }

  /** One supervision step; never runs twice at once. */
  tick(): Promise<void> {
    if (this.#busy !== null) return this.#busy;
    this.#busy = this.#step().finally(() => {
      this.#busy = null;
    });
    return this.#busy;
  }

  async #step(): Promise<void> {
    const r = this.record;
    const lifecycle = this.#lifecycle;
    if (r.stopping) return;
    await this.#readOutput();
    const now = Date.now();
    if (lifecycle.supervised) {
      const exit = await this.#readExit();
      if (exit !== null) {
        await this.#onExit(exit);
        return;
      }
      if (lifecycle.awaitingBind) {
        if (await this.#isListening()) {
          await this.#apply(lifecycle.bound(now));
          await this.save();
        } else {
          await this.#apply(lifecycle.notBound(now));
        }
      }
      if (lifecycle.running(now).sampleMemory) await this.#apply(lifecycle.memoryUsed(now, await this.#ctx.cgroups.memoryUsage(this.cgroup)));
    } else if (lifecycle.restartDue(now)) {
      await this.#apply(lifecycle.restarting(now));
      await this.launch();
    }
  }

  async #readExit(): Promise<number | null> {
    const text = await readFile(`${this.dir}/exit-${this.record.launch}`, 'utf8').catch(() => null);
    if (text !== null) return Number(text.trim());
    // The supervisor itself is gone without a word (killed, host rebooted): the dyno is gone too.
    // Right after a launch its pid file may not exist yet.
    const launched = existsSync(`${this.dir}/supervisor-${this.record.launch}.pid`);
    if (!launched && Date.now() - this.record.launchedAt < 10_000) return null;
    if (!(await this.isAlive())) {
      const again = await readFile(`${this.dir}/exit-${this.record.launch}`, 'utf8').catch(() => null);
      return again === null ? -1 : Number(again.trim());
    }
    return null;
  }

  /** True while the supervisor or anything in the dyno's cgroup runs. */
  async isAlive(): Promise<boolean> {
    const pid = await this.supervisorPid();
    if (pid !== null) return true;
    return (await this.#ctx.cgroups.pids(this.cgroup)).length > 0;
  }

  /** The live supervisor's pid, checked against its command line (pids get reused). */
  async supervisorPid(): Promise<number | null> {
    const text = await readFile(`${this.dir}/supervisor-${this.record.launch}.pid`, 'utf8').catch(() => null);
    if (text === null) return null;
    const pid = Number(text.trim());
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    return cmdline.includes('supervise.sh') && cmdline.includes(this.dir) ? pid : null;
  }

  async #onExit(status: number): Promise<void> {
    await this.#readOutput();
    const oom = (await this.#ctx.cgroups.oomKills(this.cgroup)) > this.record.oomBaseline;
    await this.#apply(this.#lifecycle.exited(Date.now(), status, oom));
    await this.save();
  }

  /** Zone drills: a dyno in a failed zone is `down` (unreachable); it comes back when the zone does. */
  async setZoneHealthy(healthy: boolean): Promise<void> {
    const effects = this.#lifecycle.zoneHealth(Date.now(), healthy);
    if (effects.length === 0) return;
    await this.#apply(effects);
    await this.save();
  }

  /** SIGTERM to the dyno's processes, SIGKILL after the grace period; leaves it `down`. */
  async stop(graceSeconds: number): Promise<void> {
    const r = this.record;
    const lifecycle = this.#lifecycle;
    lifecycle.stopRequested();
    await this.save();
    await this.#busy;
    const running = (await this.#ctx.cgroups.pids(this.cgroup)).length > 0;
    await this.#apply(lifecycle.stopBegins(Date.now(), running, graceSeconds));
    if (running) {
      for (;;) {
        const wait = lifecycle.stopWait(Date.now(), (await this.#ctx.cgroups.pids(this.cgroup)).length > 0);
        await this.#apply(wait.effects);
        if (wait.progress !== 'waiting') break;
        await delay(50);
      }
      const exitDeadline = Date.now() + 2000;
      let exit: string | null = null;
      while (exit === null && Date.now() < exitDeadline) {
        exit = await readFile(`${this.dir}/exit-${r.launch}`, 'utf8').catch(() => null);
        if (exit === null) await delay(20);
      }
      await this.#readOutput();
      await this.#apply(lifecycle.stopped(Date.now(), exit === null ? null : Number(exit.trim())));
    } else {
      await this.#apply(lifecycle.stopped(Date.now(), null));
    }
  }

  /** Removes every kernel object and file of the dyno. */
  async destroy(): Promise<void> {
    const pid = await this.supervisorPid();
    if (pid !== null) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone.
      }
    }
    await this.#ctx.cgroups.remove(this.cgroup);
    await removeDynoNetwork(this.record.shortId, this.record.spaceShortId);
    await rm(this.dir, { recursive: true, force: true });
  }

  async #isListening(): Promise<boolean> {
    const [pid] = await this.#ctx.cgroups.pids(this.cgroup);
    if (pid === undefined) return false;
    const ip4 = this.record.privateIp;
    const tcp = await readFile(`/proc/${pid}/net/tcp`, 'utf8').catch(() => '');
    const tcp6 = await readFile(`/proc/${pid}/net/tcp6`, 'utf8').catch(() => '');
    return listensOn(tcp, tcp6, ip4, DYNO_PORT);
  }

  /**
   * Delivers what the dyno wrote since the last read, in order, and saves how far it got: lines
   * written while no server ran are delivered by the next one. More than OUTPUT_BACKLOG_BYTES
   * behind, the oldest lines are dropped and an L10 line says how many.
   */
  async #readOutput(): Promise<void> {
    const file = `${this.dir}/output.log`;
    if (!existsSync(file)) return;
    const handle = await open(file, 'r').catch(() => null);
    if (handle === null) return;
    const startOffset = this.record.outputOffset;
    try {
      const { size } = await handle.stat();
      if (size < this.record.outputOffset) this.record.outputOffset = 0;
      if (size - this.record.outputOffset > OUTPUT_BACKLOG_BYTES) await this.#dropBacklog(handle, size);
      while (size > this.record.outputOffset) {
        const length = Math.min(size - this.record.outputOffset, 256 * 1024);
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, this.record.outputOffset);
        if (bytesRead === 0) break;
        this.record.outputOffset += bytesRead;
        const lines = (this.#partial + buffer.subarray(0, bytesRead).toString('utf8')).split('\n');
        this.#partial = lines.pop() ?? '';
        for (const line of lines) this.#ctx.log({ appId: this.record.spec.appId, source: 'app', dyno: this.record.spec.name, message: line });
      }
      if (this.record.outputOffset >= OUTPUT_TRUNCATE_BYTES && this.#partial === '') {
        const { size: now } = await handle.stat();
        if (now === this.record.outputOffset) {
          await truncate(file, 0);
          this.record.outputOffset = 0;
          // Offsets into the old contents mean nothing now. (A SIGKILL within the lag after a
          // truncation can lose that lag's lines from the store; drains have them already.)
          this.#reads = [];
          this.#durableOffset = 0;
        }
      }
    } finally {
      await handle.close();
    }
    this.record.outputReadAt = Date.now();
    // Saved once the lines were handed on, lagging (see OUTPUT_DURABLE_LAG_MS): a server killed
    // in between delivers them again rather than never.
    if (this.record.outputOffset !== startOffset) this.#reads.push({ at: Date.now(), offset: Math.max(0, this.record.outputOffset - Buffer.byteLength(this.#partial)) });
    if (this.#reads.length > 0) await this.save().catch(() => undefined);
  }

  /** The output offset to save (see OUTPUT_DURABLE_LAG_MS); a partial line is read again from its start. */
  #savedOffset(final: boolean): number {
    const reached = Math.max(0, this.record.outputOffset - Buffer.byteLength(this.#partial));
    if (final) {
      this.#reads = [];
      this.#durableOffset = reached;
      return reached;
    }
    const cutoff = Date.now() - OUTPUT_DURABLE_LAG_MS;
    while (this.#reads.length > 0 && (this.#reads[0]?.at ?? Infinity) <= cutoff) this.#durableOffset = this.#reads.shift()?.offset ?? this.#durableOffset;
    return this.#durableOffset;
  }

  /** Skips all but the newest OUTPUT_BACKLOG_BYTES (from a line start) and logs the L10 line. */
  async #dropBacklog(handle: FileHandle, size: number): Promise<void> {
    const cut = size - OUTPUT_BACKLOG_BYTES;
    let position = this.record.outputOffset;
    let dropped = this.#partial === '' ? 0 : 1;
    this.#partial = '';
    const buffer = Buffer.alloc(256 * 1024);
    let resume = -1;
    while (position < size && resume < 0) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - position), position);
      if (bytesRead === 0) break;
      for (let i = 0; i < bytesRead; i++) {
        if (buffer[i] !== 0x0a) continue;
        // A line that began before the cut is dropped whole; the newest lines start after it.
        if (position + i >= cut) {
          resume = position + i + 1;
          break;
        }
        dropped++;
      }
      position += bytesRead;
    }
    if (resume < 0) resume = size;
    if (resume > cut) dropped++;
    this.record.outputOffset = resume;
    if (dropped > 0) this.#heroku(outputOverflowMessage(dropped, this.record.outputReadAt ?? this.record.launchedAt), 'logplex');
  }

  /** Carries out the lifecycle's effects, in order. */
  async #apply(effects: readonly DynoEffect[]): Promise<void> {
    for (const effect of effects) {
      if (effect.type === 'log') this.#heroku(effect.message);
      else if (effect.type === 'changed') this.#ctx.changed();
      else if (effect.signal === 'SIGKILL') await this.#ctx.cgroups.signal(this.cgroup, 'SIGKILL');
      else {
        // Not the outer `unshare`: killing it would SIGKILL the whole pid namespace at once.
        const outer = Number((await readFile(`${this.dir}/child-${this.record.launch}.pid`, 'utf8').catch(() => '')).trim());
        await this.#ctx.cgroups.signal(this.cgroup, effect.signal, new Set([outer]));
      }
    }
  }

  #heroku(message: string, dyno = this.record.spec.name): void {
    this.#ctx.log({ appId: this.record.spec.appId, source: 'heroku', dyno, message });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function hexToIpv4(hex: string): string {
  const n = parseInt(hex, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
}

/** True when /proc/net/tcp{,6} show a listener on `port` at `ip`, 0.0.0.0 or ::. */
export function listensOn(tcp: string, tcp6: string, ip: string, port: number): boolean {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const line of tcp.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    const [addr, p] = (f[1] ?? '').split(':');
    if (f[3] !== '0A' || p !== portHex || addr === undefined) continue;
    const local = hexToIpv4(addr);
    if (local === '0.0.0.0' || local === ip) return true;
  }
  for (const line of tcp6.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    const [addr, p] = (f[1] ?? '').split(':');
    if (f[3] !== '0A' || p !== portHex || addr === undefined) continue;
    if (/^0{32}$/.test(addr)) return true;
    // ::ffff:a.b.c.d is 0000000000000000FFFF0000<ipv4 hex>
    if (addr.startsWith('0000000000000000FFFF0000') && hexToIpv4(addr.slice(24)) === ip) return true;
  }
  return false;
}
