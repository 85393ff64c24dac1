/**
 * Runs HAProxy for the router in master-worker mode: one master (`-W -D -S master.sock`) that
 * outlives `cove server`, and one worker per configuration generation. A new configuration is
 * checked first (`haproxy -c`: a refused one never touches the serving process), then becomes
 * the master's configuration file and is loaded with `reload` on the master CLI: the master
 * re-executes itself, hands the very same listening sockets to the new worker (`-x sockpair@`,
 * so no connection is ever refused) and tells the old worker to finish its requests and exit.
 *
 * Each generation's worker has its own admin socket (`gen-<n>/admin.sock`); no command goes to
 * it before it answers (waited for, bounded), and a command whose connection fails is sent
 * again to the serving worker. A dyno has left routing once no live worker has it in its
 * configuration, which is what draining waits for.
 *
 * The master keeps running when `cove server` stops (`close({ keepRunning: true })`) or dies;
 * `state.json` records the master, each worker (pid and start time, never a reused pid) and the
 * router's own bookkeeping, so that the next server adopts them (`start()`) instead of starting
 * over.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../shared/log.js';
import { isRunning, processIdentity, terminateProcess, type ProcessIdentity } from '../../shared/supervised-process.js';
import type { RenderedHaproxy } from './haproxy-config.js';

export interface HaproxySupervisorOptions {
  /** Working directory: the master's files and one `gen-<n>/` per configuration (maps, admin socket). */
  readonly dir: string;
  /** @default "haproxy" */
  readonly binary?: string;
  /** `cgroup.procs` files every process joins, so cleanup finds them. @default [] */
  readonly cgroupProcs?: readonly string[];
  /** Called for each admin command sent again after its connection failed. */
  readonly onAdminRetry?: () => void;
  /** @default silent */
  readonly log?: Logger;
}

export interface HaproxyPaths {
  readonly statsSocket: string;
  readonly mapsDir: string;
}

/** How long a stopped HAProxy gets to finish before SIGKILL. */
const STOP_GRACE_MS = 3000;
/** How long a new worker may take to answer on its admin socket (a busy machine is slow). */
const READY_TIMEOUT_MS = 30_000;
/** How long an admin command keeps being sent again while its connection fails. */
const RETRY_FOR_MS = 10_000;

interface Generation {
  readonly gen: number;
  readonly process: ProcessIdentity;
  readonly dir: string;
  readonly socket: string;
  /** Dynos the worker may send requests to (the current one's change at run time). */
  dynos: ReadonlySet<string>;
}

/** What `state.json` holds. */
interface SavedState {
  readonly version: 1;
  readonly master: ProcessIdentity;
  readonly next: number;
  readonly lastConfig: string | null;
  readonly generations: readonly { readonly gen: number; readonly process: ProcessIdentity; readonly dynos: readonly string[] }[];
  /** The router's bookkeeping (HaproxyRouter), opaque here. */
  readonly router: unknown;
}

export class HaproxyError extends Error {
  override readonly name = 'HaproxyError';
}

/** Failed before the command reached HAProxy: sending it again cannot apply it twice. */
function unsent(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'EAGAIN';
}

/** One command on a HAProxy admin or master socket; resolves with its answer. */
export function adminCommand(socket: string, line: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(socket);
    let answer = '';
    connection.setEncoding('utf8');
    connection.setTimeout(timeoutMs, () => connection.destroy(new HaproxyError(`HAProxy did not answer "${line}"`)));
    connection.on('data', (chunk: string) => (answer += chunk));
    connection.on('end', () => resolve(answer));
    connection.on('close', () => resolve(answer));
    connection.on('error', reject);
    connection.on('connect', () => connection.write(`${line}\n`));
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The command line of a process, as its arguments (empty when gone). */
async function commandLine(pid: number): Promise<string[]> {
  const text = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return text.split('\0');
}

function alive(g: Generation): boolean {
  return isRunning(g.process);
}

export class HaproxySupervisor {
  readonly #options: HaproxySupervisorOptions;
  /** Oldest first; the last one is current. */
  #generations: Generation[] = [];
  #master: ProcessIdentity | null = null;
  #next = 1;
  #lastConfig: string | null = null;
  #routerState: unknown = null;
  /** A configuration HAProxy refused, not retried until the feed changes. */
  #failed: { key: string; error: HaproxyError } | null = null;

  constructor(options: HaproxySupervisorOptions) {
    this.#options = options;
  }

  get #config(): string {
    return join(this.#options.dir, 'haproxy.cfg');
  }

  get #masterSocket(): string {
    return join(this.#options.dir, 'master.sock');
  }

  get #stateFile(): string {
    return join(this.#options.dir, 'state.json');
  }

  /** The current worker's pid. */
  get pid(): number | undefined {
    return this.#generations.at(-1)?.process.pid;
  }

  /** The master's pid (it outlives workers and `cove server`). */
  get masterPid(): number | undefined {
    return this.#master?.pid;
  }

  /**
   * Adopts the HAProxy an earlier server left running with this directory (the master named in
   * `state.json`, if it still is that process and runs this directory's configuration, with its
   * current worker answering) and returns the router state saved with it; otherwise stops
   * whatever is left, empties the directory and returns null.
   */
  async start(): Promise<unknown> {
    await mkdir(this.#options.dir, { recursive: true, mode: 0o700 });
    const saved = await this.#readState();
    if (saved !== null && (await this.#adopt(saved))) return saved.router;
    await this.stopLeftover();
    return null;
  }

  async #readState(): Promise<SavedState | null> {
    try {
      const state = JSON.parse(await readFile(this.#stateFile, 'utf8')) as SavedState;
      return state.version === 1 ? state : null;
    } catch {
      return null;
    }
  }

  async #isOurMaster(identity: ProcessIdentity): Promise<boolean> {
    if (!isRunning(identity)) return false;
    const args = await commandLine(identity.pid);
    return args.includes('-S') && args.includes(this.#config);
  }

  async #adopt(saved: SavedState): Promise<boolean> {
    const refuse = (why: string): false => {
      this.#options.log?.info('Not adopting the HAProxy left running; starting another', { why, master: saved.master.pid });
      return false;
    };
    if (!(await this.#isOurMaster(saved.master))) return refuse('its master is gone');
    const generations: Generation[] = [];
    for (const g of saved.generations) {
      if (!isRunning(g.process)) continue;
      const dir = join(this.#options.dir, `gen-${g.gen}`);
      generations.push({ gen: g.gen, process: g.process, dir, socket: join(dir, 'admin.sock'), dynos: new Set(g.dynos) });
    }
    const current = generations.at(-1);
    if (current === undefined || current.gen !== saved.generations.at(-1)?.gen) return refuse('its current worker is gone');
    // The current worker must answer as itself.
    const pid = await this.#workerPid(current.socket, 5000).catch(() => null);
    if (pid !== current.process.pid) return refuse(`its current worker does not answer as itself (${pid})`);
    this.#master = saved.master;
    this.#generations = generations;
    this.#next = saved.next;
    this.#lastConfig = saved.lastConfig;
    this.#routerState = saved.router;
    this.#options.log?.info('Adopted the running HAProxy', { master: saved.master.pid, worker: current.process.pid });
    return true;
  }

  /**
   * Stops the HAProxy this directory's state (or an earlier layout's pidfiles) names, only if it
   * still is that process running this directory's configuration, and empties the directory.
   * Starts nothing (`cove server --stop-data-plane`).
   */
  async stopLeftover(): Promise<void> {
    await mkdir(this.#options.dir, { recursive: true, mode: 0o700 });
    const saved = await this.#readState();
    if (saved !== null) {
      if (await this.#isOurMaster(saved.master)) await terminateProcess(saved.master, STOP_GRACE_MS);
      for (const g of saved.generations) {
        const args = await commandLine(g.process.pid);
        if (isRunning(g.process) && args.includes(this.#config)) await terminateProcess(g.process, STOP_GRACE_MS);
      }
    }
    const masterPid = Number((await readFile(join(this.#options.dir, 'haproxy.pid'), 'utf8').catch(() => '')).trim());
    const master = processIdentity(masterPid);
    if (master !== null && (await this.#isOurMaster(master))) await terminateProcess(master, STOP_GRACE_MS);
    for (const entry of await readdir(this.#options.dir)) {
      const path = join(this.#options.dir, entry);
      if (entry.startsWith('gen-')) {
        // An earlier layout ran one daemon per generation, named by its pidfile.
        const pid = Number((await readFile(join(path, 'haproxy.pid'), 'utf8').catch(() => '')).trim());
        const leftover = processIdentity(pid);
        if (leftover !== null && (await commandLine(pid)).includes(join(path, 'haproxy.cfg'))) await terminateProcess(leftover, STOP_GRACE_MS);
      }
      await rm(path, { recursive: true, force: true });
    }
    this.#generations = [];
    this.#master = null;
    this.#lastConfig = null;
  }

  /** Remembers the router's bookkeeping with the processes' (written at once). */
  async save(routerState: unknown): Promise<void> {
    this.#routerState = routerState;
    await this.#writeState();
  }

  async #writeState(): Promise<void> {
    if (this.#master === null) return;
    const state: SavedState = {
      version: 1,
      master: this.#master,
      next: this.#next,
      lastConfig: this.#lastConfig,
      generations: this.#generations.map((g) => ({ gen: g.gen, process: g.process, dynos: [...g.dynos] })),
      router: this.#routerState,
    };
    const tmp = `${this.#stateFile}.tmp`;
    await writeFile(tmp, JSON.stringify(state), { mode: 0o600 });
    await rename(tmp, this.#stateFile);
  }

  /**
   * Makes `render`'s configuration the serving one (a no-op when it equals the current one).
   * `dynoIds` are the dynos it routes to, for `routes()`.
   */
  async apply(render: (paths: HaproxyPaths) => RenderedHaproxy, dynoIds: readonly string[]): Promise<boolean> {
    const current = this.#generations.at(-1);
    const probe = render({ statsSocket: '@', mapsDir: '@' });
    const key = probe.config + [...probe.maps].join('\n');
    if (current !== undefined && this.#lastConfig === key && this.serving) return false;
    if (this.#failed?.key === key) throw this.#failed.error;
    const gen = this.#next++;
    const dir = join(this.#options.dir, `gen-${gen}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const paths = { statsSocket: join(dir, 'admin.sock'), mapsDir: dir };
    const rendered = render(paths);
    for (const [name, text] of rendered.maps) await writeFile(join(dir, name), text, { mode: 0o600 });
    const candidate = join(dir, 'haproxy.cfg');
    await writeFile(candidate, rendered.config);
    try {
      // A configuration HAProxy refuses never reaches the master.
      await this.#run(['-c', '-q', '-f', candidate], false);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      if (error instanceof HaproxyError) this.#failed = { key, error: new HaproxyError(error.message.replace('Cannot start HAProxy', 'HAProxy refused the configuration')) };
      throw this.#failed?.error ?? error;
    }
    this.#failed = null;
    await writeFile(`${this.#config}.tmp`, rendered.config);
    await rename(`${this.#config}.tmp`, this.#config);
    const master = this.#master;
    if (master !== null && (await this.#isOurMaster(master))) {
      await this.#masterCommand('reload');
    } else {
      // No master (first start, or it died): any leftover worker of ours is stopped first.
      for (const g of this.#generations) await terminateProcess(g.process, STOP_GRACE_MS);
      this.#generations = [];
      const pidFile = join(this.#options.dir, 'haproxy.pid');
      await rm(pidFile, { force: true });
      // The master writes notices to its stderr for as long as it runs: a file, never a pipe that
      // closes with this server (a write to it would end the master with SIGPIPE).
      const output = join(this.#options.dir, 'haproxy.log');
      const file = await open(output, 'w', 0o600);
      try {
        await this.#run(['-W', '-D', '-S', this.#masterSocket, '-f', this.#config, '-p', pidFile], true, file.fd);
      } catch (error) {
        const text = (await readFile(output, 'utf8').catch(() => '')).trim().slice(-2000);
        throw new HaproxyError(`${error instanceof Error ? error.message : String(error)}${text === '' ? '' : `: ${text}`}`);
      } finally {
        await file.close();
      }
      // The daemonized master may write its pidfile after the launcher exited: wait (bounded).
      let identity: ProcessIdentity | null = null;
      for (const deadline = Date.now() + READY_TIMEOUT_MS; identity === null && Date.now() < deadline; ) {
        identity = processIdentity(Number((await readFile(pidFile, 'utf8').catch(() => '')).trim()));
        // A pidfile read half-written could name another process: only ours counts.
        if (identity !== null && !(await this.#isOurMaster(identity))) identity = null;
        if (identity === null) await delay(25);
      }
      if (identity === null) throw new HaproxyError(`Cannot start HAProxy: no master running (pidfile "${pidFile}")`);
      this.#master = identity;
    }
    // Not one command before the new worker answers, as itself.
    const pid = await this.#workerPid(paths.statsSocket, READY_TIMEOUT_MS).catch((error: unknown) => {
      throw new HaproxyError(`HAProxy did not start generation ${gen}: ${error instanceof Error ? error.message : String(error)}`);
    });
    const identity = processIdentity(pid) ?? { pid, startTime: '' };
    this.#generations.push({ gen, process: identity, dir, socket: paths.statsSocket, dynos: new Set(dynoIds) });
    this.#lastConfig = key;
    this.#prune();
    await this.#writeState();
    return true;
  }

  /** Waits (bounded) until the admin socket answers and returns the pid of the worker behind it. */
  async #workerPid(socket: string, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const info = await adminCommand(socket, 'show info', Math.max(1000, Math.min(5000, deadline - Date.now())));
        const pid = Number(/^Pid: (\d+)$/m.exec(info)?.[1]);
        if (Number.isInteger(pid) && pid > 0) return pid;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
      }
      if (Date.now() >= deadline) throw new HaproxyError(`no answer on "${socket}"`);
      await delay(25);
    }
  }

  async #masterCommand(line: string): Promise<string> {
    const deadline = Date.now() + RETRY_FOR_MS;
    for (;;) {
      try {
        return await adminCommand(this.#masterSocket, line);
      } catch (error) {
        if (!unsent(error) || Date.now() >= deadline) throw error;
        this.#options.onAdminRetry?.();
        await delay(50);
      }
    }
  }

  /** Where the serving worker's map and pattern files are (`command()` changes them by that path). */
  get mapsDir(): string | null {
    return this.#generations.at(-1)?.dir ?? null;
  }

  /** Whether a current worker serves (then `command()` reaches it). */
  get serving(): boolean {
    const current = this.#generations.at(-1);
    return current !== undefined && alive(current) && this.#master !== null && isRunning(this.#master);
  }

  /**
   * Runs admin-socket commands on the current worker, one connection each, and returns their
   * answers; `dynoIds` become the dynos it routes to. A command whose connection fails before
   * it was sent is sent again (bounded); any other failure is thrown and the caller converges
   * by a new generation.
   */
  async command(commands: readonly string[], dynoIds: readonly string[]): Promise<string[]> {
    const current = this.#generations.at(-1);
    if (current === undefined || !alive(current)) throw new HaproxyError('No HAProxy process serves');
    // From the first change on, the worker no longer runs its configuration file as written
    // (also when a command fails half-way: the next `apply()` then loads a new generation).
    if (commands.some((c) => !c.startsWith('show '))) this.#lastConfig = null;
    const answers: string[] = [];
    for (const line of commands) {
      const deadline = Date.now() + RETRY_FOR_MS;
      for (;;) {
        try {
          answers.push(await adminCommand(current.socket, line));
          break;
        } catch (error) {
          if (!unsent(error) || Date.now() >= deadline || !alive(current)) throw error;
          this.#options.onAdminRetry?.();
          await delay(50);
        }
      }
    }
    current.dynos = new Set(dynoIds);
    return answers;
  }

  /** True while some HAProxy worker (current or still finishing) may route to the dyno. */
  routes(dynoId: string): boolean {
    return this.#prune().some((g) => g.dynos.has(dynoId));
  }

  /** Old workers still finishing their requests. */
  get finishing(): number {
    return Math.max(0, this.#prune().length - 1);
  }

  /**
   * Stops every process (master, current and finishing workers) and waits for them to exit;
   * with `keepRunning`, leaves them serving for the next server to adopt (state saved).
   */
  async close(options: { readonly keepRunning?: boolean } = {}): Promise<void> {
    if (options.keepRunning === true && this.serving) {
      await this.#writeState();
    } else {
      if (this.#master !== null && (await this.#isOurMaster(this.#master))) await terminateProcess(this.#master, STOP_GRACE_MS);
      for (const g of this.#generations) await terminateProcess(g.process, STOP_GRACE_MS);
      for (const g of this.#generations) await rm(g.dir, { recursive: true, force: true });
      await rm(this.#stateFile, { force: true });
    }
    this.#generations = [];
    this.#master = null;
    this.#lastConfig = null;
  }

  /** Drops generations whose worker exited (keeps the current one regardless). */
  #prune(): Generation[] {
    const current = this.#generations.at(-1);
    const kept = this.#generations.filter((g) => g === current || alive(g));
    for (const g of this.#generations) if (!kept.includes(g)) void rm(g.dir, { recursive: true, force: true });
    this.#generations = kept;
    return kept.filter((g) => alive(g));
  }

  /** Runs HAProxy until its launcher exits; `stderr`: a file descriptor instead of a pipe. */
  #run(args: readonly string[], joinCgroups: boolean, stderr?: number): Promise<void> {
    const cgroups = joinCgroups ? (this.#options.cgroupProcs ?? []) : [];
    // The shell joins the cgroups first, so the daemon HAProxy forks is born inside them.
    const script = 'for f in $COVE_CGROUP_PROCS; do echo $$ > "$f"; done; exec "$@"';
    return new Promise((resolve, reject) => {
      const child = spawn('sh', ['-c', script, 'sh', this.#options.binary ?? 'haproxy', ...args], {
        stdio: ['ignore', 'ignore', stderr ?? 'pipe'],
        env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', COVE_CGROUP_PROCS: cgroups.join(' ') },
      });
      let output = '';
      child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      child.once('error', reject);
      child.once('exit', (code) => {
        if (code === 0) {
          if (output.trim() !== '') this.#options.log?.info('HAProxy', { output: output.trim().slice(0, 2000) });
          resolve();
        } else {
          reject(new HaproxyError(`Cannot start HAProxy (exit ${code}): ${output.trim().slice(-2000)}`));
        }
      });
    });
  }
}
