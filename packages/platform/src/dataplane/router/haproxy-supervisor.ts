/**
 * Runs HAProxy for the router: one process per configuration generation. A new configuration
 * starts a new process that takes the listening sockets over from the current one (`-x`, so
 * no connection is refused) and tells it to finish (`-sf`): the old process stops accepting,
 * completes the requests it has in flight, and exits. A dyno has left routing once no live
 * process has it in its configuration, which is what draining waits for.
 *
 * Of the shared `SupervisedProcess` lifecycle only the process identity fits here: HAProxy
 * daemonizes (`-D`) and each generation is a new process that takes the sockets over from the
 * last (`-x`) and finishes the older ones (`-sf`) itself, so "restart the process that died" has
 * no meaning (the router applies a new generation instead, from whichever process still serves),
 * and the process the helper would spawn is only the launcher, which exits at once. So each
 * generation is known by its pid and start time (never a reused pid), stopped with the shared
 * `terminateProcess` (SIGTERM, grace, SIGKILL), and a leftover of an earlier server is stopped
 * only if it is still the HAProxy that ran that generation's configuration.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../shared/log.js';
import { isRunning, processIdentity, terminateProcess, type ProcessIdentity } from '../../shared/supervised-process.js';
import type { RenderedHaproxy } from './haproxy-config.js';

export interface HaproxySupervisorOptions {
  /** Working directory: one `gen-<n>/` per configuration (config, maps, pid, admin socket). */
  readonly dir: string;
  /** @default "haproxy" */
  readonly binary?: string;
  /** `cgroup.procs` files every process joins, so cleanup finds them. @default [] */
  readonly cgroupProcs?: readonly string[];
  /** @default silent */
  readonly log?: Logger;
}

export interface HaproxyPaths {
  readonly statsSocket: string;
  readonly mapsDir: string;
}

/** How long a stopped HAProxy gets to finish before SIGKILL. */
const STOP_GRACE_MS = 3000;

interface Generation {
  readonly gen: number;
  readonly process: ProcessIdentity;
  readonly dir: string;
  readonly socket: string;
  /** Dynos the process may send requests to (the current one's changes at run time). */
  dynos: ReadonlySet<string>;
}

export class HaproxyError extends Error {
  override readonly name = 'HaproxyError';
}

/** One command on a HAProxy admin socket; resolves with its answer. */
function adminCommand(socket: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(socket);
    let answer = '';
    connection.setEncoding('utf8');
    connection.setTimeout(5000, () => connection.destroy(new HaproxyError(`HAProxy did not answer "${line}"`)));
    connection.on('data', (chunk: string) => (answer += chunk));
    connection.on('end', () => resolve(answer));
    connection.on('error', reject);
    connection.write(`${line}\n`);
  });
}

function alive(g: Generation): boolean {
  return isRunning(g.process);
}

export class HaproxySupervisor {
  readonly #options: HaproxySupervisorOptions;
  /** Oldest first; the last one is current. */
  #generations: Generation[] = [];
  #next = 1;
  #lastConfig: string | null = null;
  /** A configuration HAProxy refused, not retried until the feed changes. */
  #failed: { key: string; error: HaproxyError } | null = null;

  constructor(options: HaproxySupervisorOptions) {
    this.#options = options;
  }

  /** The current process's pid. */
  get pid(): number | undefined {
    return this.#generations.at(-1)?.process.pid;
  }

  /** Stops whatever an earlier run left behind and empties the working directory. */
  async start(): Promise<void> {
    await mkdir(this.#options.dir, { recursive: true, mode: 0o700 });
    for (const entry of await readdir(this.#options.dir)) {
      if (!entry.startsWith('gen-')) continue;
      const dir = join(this.#options.dir, entry);
      const pid = Number((await readFile(join(dir, 'haproxy.pid'), 'utf8').catch(() => '')).trim());
      const leftover = processIdentity(pid);
      // Only the HAProxy that ran this generation's configuration: the pid may be another's now.
      const cmdline = leftover === null ? '' : await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      if (leftover !== null && cmdline.split('\0').includes(join(dir, 'haproxy.cfg'))) await terminateProcess(leftover, STOP_GRACE_MS);
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Makes `render`'s configuration the serving one (a no-op when it equals the current one).
   * `dynoIds` are the dynos it routes to, for `routes()`.
   */
  async apply(render: (paths: HaproxyPaths) => RenderedHaproxy, dynoIds: readonly string[]): Promise<boolean> {
    const current = this.#generations.at(-1);
    const probe = render({ statsSocket: '@', mapsDir: '@' });
    const key = probe.config + [...probe.maps].join('\n');
    if (current !== undefined && this.#lastConfig === key && alive(current)) return false;
    if (this.#failed?.key === key) throw this.#failed.error;
    const gen = this.#next++;
    const dir = join(this.#options.dir, `gen-${gen}`);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const paths = { statsSocket: join(dir, 'admin.sock'), mapsDir: dir };
    const rendered = render(paths);
    for (const [name, text] of rendered.maps) await writeFile(join(dir, name), text, { mode: 0o600 });
    await writeFile(join(dir, 'haproxy.cfg'), rendered.config);
    const pidFile = join(dir, 'haproxy.pid');
    const live = this.#prune().filter((g) => alive(g));
    const args = ['-D', '-f', join(dir, 'haproxy.cfg'), '-p', pidFile];
    const previous = live.at(-1);
    if (previous !== undefined) args.push('-x', previous.socket, '-sf', ...live.map((g) => String(g.process.pid)));
    try {
      await this.#run(args);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      if (error instanceof HaproxyError) this.#failed = { key, error };
      throw error;
    }
    this.#failed = null;
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    if (!Number.isInteger(pid) || pid <= 0) throw new HaproxyError(`Cannot start HAProxy: no pid in "${pidFile}"`);
    // A process already gone has no start time: it counts as not running.
    const identity = processIdentity(pid) ?? { pid, startTime: '' };
    this.#generations.push({ gen, process: identity, dir, socket: paths.statsSocket, dynos: new Set(dynoIds) });
    this.#lastConfig = key;
    return true;
  }

  /** Where the serving process's map and pattern files are (`command()` changes them by that path). */
  get mapsDir(): string | null {
    return this.#generations.at(-1)?.dir ?? null;
  }

  /** Whether a current process serves (then `command()` reaches it). */
  get serving(): boolean {
    const current = this.#generations.at(-1);
    return current !== undefined && alive(current);
  }

  /**
   * Runs admin-socket commands on the current process, one connection each, and returns their
   * answers; `dynoIds` become the dynos it routes to.
   */
  async command(commands: readonly string[], dynoIds: readonly string[]): Promise<string[]> {
    const current = this.#generations.at(-1);
    if (current === undefined) throw new HaproxyError('No HAProxy process serves');
    const answers: string[] = [];
    for (const line of commands) answers.push(await adminCommand(current.socket, line));
    current.dynos = new Set(dynoIds);
    // The process no longer runs its configuration file as written.
    if (commands.some((c) => !c.startsWith('show '))) this.#lastConfig = null;
    return answers;
  }

  /** True while some HAProxy process (current or still finishing) may route to the dyno. */
  routes(dynoId: string): boolean {
    return this.#prune().some((g) => g.dynos.has(dynoId));
  }

  /** Old processes still finishing their requests. */
  get finishing(): number {
    return Math.max(0, this.#prune().length - 1);
  }

  /** Stops every process (current and finishing) and waits for them to exit. */
  async close(): Promise<void> {
    for (const g of this.#generations) await terminateProcess(g.process, STOP_GRACE_MS);
    for (const g of this.#generations) await rm(g.dir, { recursive: true, force: true });
    this.#generations = [];
    this.#lastConfig = null;
  }

  /** Drops generations whose process exited (keeps the current one regardless). */
  #prune(): Generation[] {
    const current = this.#generations.at(-1);
    const kept = this.#generations.filter((g) => g === current || alive(g));
    for (const g of this.#generations) if (!kept.includes(g)) void rm(g.dir, { recursive: true, force: true });
    this.#generations = kept;
    return kept.filter((g) => alive(g));
  }

  #run(args: readonly string[]): Promise<void> {
    const cgroups = this.#options.cgroupProcs ?? [];
    // The shell joins the cgroups first, so the daemon HAProxy forks is born inside them.
    const script = 'for f in $COVE_CGROUP_PROCS; do echo $$ > "$f"; done; exec "$@"';
    return new Promise((resolve, reject) => {
      const child = spawn('sh', ['-c', script, 'sh', this.#options.binary ?? 'haproxy', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', COVE_CGROUP_PROCS: cgroups.join(' ') },
      });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', reject);
      child.once('exit', (code) => {
        if (code === 0) {
          if (stderr.trim() !== '') this.#options.log?.info('HAProxy', { output: stderr.trim().slice(0, 2000) });
          resolve();
        } else {
          reject(new HaproxyError(`Cannot start HAProxy (exit ${code}): ${stderr.trim().slice(-2000)}`));
        }
      });
    });
  }
}
