/**
 * One long-running helper process of `cove server` (the DNS server, the drain forwarder, later
 * VPN daemons and add-on servers), supervised the same way whichever it is:
 *
 * - start: spawn an executable or fork a Node module (with an IPC channel), with its arguments
 *   and environment, optionally inside cgroups (it joins them before it runs anything);
 * - readiness: `start()` resolves once the process is ready — when it was spawned, when it sent
 *   a `{ type: <message> }` IPC message, when a probe succeeds, or when a handshake resolves;
 * - restart: a process that dies without `stop()` is started again after a back-off (immediate,
 *   then 1 s, 2 s, 4 s… capped at 60 s; a run that lasted 60 s starts the back-off over);
 * - stop: a polite request (SIGTERM unless the owner asks over IPC), then SIGKILL after a grace;
 * - adopt: with a pidfile, a new control plane takes over a process an earlier one started,
 *   after checking that the pid is still that process (its start time in /proc/<pid>/stat and
 *   its command line): a pid reused by another process is never signalled.
 *
 * An adopted process is not this process's child: it has no IPC channel and its exit is seen by
 * polling /proc. So adoption suits daemons reached over sockets, not IPC children.
 */
import { fork, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

/** A process, told apart from a later one given the same pid. */
export interface ProcessIdentity {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat: clock ticks after boot at which the process started. */
  readonly startTime: string;
}

/** The identity of the live process `pid`, or null when there is none (or it is a zombie). */
export function processIdentity(pid: number): ProcessIdentity | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may contain spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTime = fields[19];
  if (startTime === undefined || state === 'Z' || state === 'X') return null;
  return { pid, startTime };
}

/** True while `identity`'s process runs (not merely some process with its pid). */
export function isRunning(identity: ProcessIdentity): boolean {
  return processIdentity(identity.pid)?.startTime === identity.startTime;
}

/** Sends `signal` to `identity`'s process if it still is that process; false when it is gone. */
export function signalProcess(identity: ProcessIdentity, signal: NodeJS.Signals): boolean {
  if (!isRunning(identity)) return false;
  try {
    process.kill(identity.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops `identity`'s process: SIGTERM, then SIGKILL once `graceMs` passed; resolves when it is
 * gone. Never signals a process that merely reuses the pid.
 */
export async function terminateProcess(identity: ProcessIdentity, graceMs: number): Promise<void> {
  if (!signalProcess(identity, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  let killed = false;
  while (isRunning(identity)) {
    if (!killed && Date.now() >= deadline) {
      killed = true;
      signalProcess(identity, 'SIGKILL');
    }
    await delay(10);
  }
}

/**
 * The process a pidfile names, if it still runs as recorded (same start time and command
 * line); null otherwise. What `adopt()` takes over and `stopPidFile()` stops.
 */
export async function pidFileProcess(file: string): Promise<ProcessIdentity | null> {
  let saved: PidFile;
  try {
    saved = JSON.parse(await readFile(file, 'utf8')) as PidFile;
  } catch {
    return null;
  }
  const identity = processIdentity(saved.pid);
  if (identity === null || identity.startTime !== saved.startTime || (await readCmdline(saved.pid)) !== saved.cmdline) return null;
  return identity;
}

/**
 * Stops the process a pidfile names (one a previous control plane left running) without
 * starting anything: SIGTERM, SIGKILL after `graceMs`; removes the pidfile. False when none ran.
 */
export async function stopPidFile(file: string, graceMs = 5000): Promise<boolean> {
  const identity = await pidFileProcess(file);
  if (identity !== null) await terminateProcess(identity, graceMs);
  await rm(file, { force: true });
  return identity !== null;
}

/** Restart back-off: immediate, then 1 s, 2 s, 4 s… capped at 60 s. */
export function restartBackoffMs(restarts: number): number {
  return restarts <= 0 ? 0 : Math.min(60_000, 1000 * 2 ** (restarts - 1));
}

/** When a started process counts as ready. */
export type Readiness =
  /** As soon as it was spawned. */
  | 'spawned'
  /** When it sends this IPC message (`{ type: message }`); needs `fork`. */
  | { readonly message: string }
  /** When the probe resolves true (polled). */
  | { readonly probe: () => Promise<boolean>; readonly intervalMs?: number }
  /** When the handshake resolves (e.g. an init request acknowledged over IPC). */
  | { readonly handshake: (child: ChildProcess) => Promise<void> };

/** What to run: an executable, or a Node module forked with an IPC channel. */
export type ProcessCommand = { readonly command: string; readonly args?: readonly string[] } | { readonly fork: string; readonly args?: readonly string[] };

export interface SupervisedProcessOptions {
  /** Named in errors, e.g. "the DNS process". */
  readonly name: string;
  readonly run: ProcessCommand;
  /** @default the parent's environment (fork) or none but PATH (command) */
  readonly env?: NodeJS.ProcessEnv;
  /** @default ['ignore', 'ignore', 'inherit'] plus 'ipc' for a fork */
  readonly stdio?: StdioOptions;
  /**
   * Runs the process in its own session (setsid), so a signal to the server's process group (a
   * terminal's Ctrl-C) does not reach it: for processes that outlive the server (`leave()`).
   * @default false
   */
  readonly detached?: boolean;
  /** `cgroup.procs` files the process joins before it runs. @default [] */
  readonly cgroupProcs?: readonly string[];
  /** @default 'spawned' */
  readonly ready?: Readiness;
  /** How long readiness may take before the start fails (the process is killed). @default 10_000 */
  readonly readyTimeoutMs?: number;
  /** Whether a process that dies unexpectedly is started again. @default true */
  readonly restart?: boolean;
  /** The delay before restart number `restarts + 1`. @default restartBackoffMs */
  readonly restartDelayMs?: (restarts: number) => number;
  /** A run at least this long starts the back-off over. @default 60_000 */
  readonly stableMs?: number;
  /** How long `stop()` waits after its request before SIGKILL. @default 5000 */
  readonly stopGraceMs?: number;
  /** How `stop()` asks the process to finish. @default SIGTERM */
  readonly stopRequest?: (child: ChildProcess) => void;
  /** Where the process's identity is kept for `adopt()`; written on start, removed on stop. */
  readonly pidFile?: string;
  /** Each time a process is ready (first start, restart, adoption); it may set up the process. */
  readonly onReady?: (child: ChildProcess | null) => void | Promise<void>;
  /** A process ended without `stop()`; `restarting` says whether another one will be started. */
  readonly onExit?: (code: number | null, signal: NodeJS.Signals | null, restarting: boolean) => void;
  /** A restart failed (it is retried with back-off). */
  readonly onError?: (error: Error) => void;
}

export class SupervisedProcessError extends Error {
  override readonly name = 'SupervisedProcessError';
}

/** What the pidfile holds. */
interface PidFile {
  readonly pid: number;
  readonly startTime: string;
  readonly cmdline: string;
}

/** One run of the process: a child of this process, or an adopted one. */
interface Run {
  readonly identity: ProcessIdentity;
  readonly child: ChildProcess | null;
  readonly startedAt: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops watching an adopted process. */
  readonly unwatch: () => void;
}

const CGROUP_JOIN = 'for f in $COVE_CGROUP_PROCS; do echo $$ > "$f"; done; exec "$@"';

export class SupervisedProcess {
  readonly #options: SupervisedProcessOptions;
  #run: Run | null = null;
  /** The start in progress (first start or restart), joined by `start()`. */
  #starting: Promise<void> | null = null;
  #restartTimer: NodeJS.Timeout | null = null;
  #restartWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  #restarts = 0;
  #stopped = true;

  constructor(options: SupervisedProcessOptions) {
    this.#options = options;
  }

  /** The process's pid while it runs. */
  get pid(): number | undefined {
    return this.#run?.identity.pid;
  }

  /** The running child (null when adopted or not running). */
  get child(): ChildProcess | null {
    return this.#run?.child ?? null;
  }

  /** True while a ready process runs. */
  get running(): boolean {
    return this.#run !== null && this.#starting === null;
  }

  /**
   * Starts the process and resolves once it is ready. While a restart is pending or in progress
   * it joins that one; while a process runs it is a no-op.
   */
  start(): Promise<void> {
    this.#stopped = false;
    if (this.#starting !== null) return this.#starting;
    if (this.#restartTimer !== null) {
      return new Promise((resolve, reject) => this.#restartWaiters.push({ resolve, reject }));
    }
    if (this.#run !== null) return Promise.resolve();
    return this.#launch();
  }

  /**
   * Takes over the process the pidfile names if it still runs as started (same start time and
   * command line); true when adopted. Stale pidfiles are removed.
   */
  async adopt(): Promise<boolean> {
    const file = this.#options.pidFile;
    if (file === undefined) throw new SupervisedProcessError(`Cannot adopt ${this.#options.name}: it has no pidfile`);
    if (this.#run !== null || this.#starting !== null) return false;
    const identity = await pidFileProcess(file);
    if (identity === null) {
      await rm(file, { force: true });
      return false;
    }
    this.#stopped = false;
    this.#restarts = 0;
    this.#attach(this.#watch(identity));
    await this.#options.onReady?.(null);
    return true;
  }

  /**
   * Stops supervising without stopping the process: it keeps running (and its pidfile stays)
   * for the next control plane to `adopt()`. No restart follows its exit from now on.
   */
  leave(): void {
    this.#stopped = true;
    if (this.#restartTimer !== null) clearTimeout(this.#restartTimer);
    this.#restartTimer = null;
    for (const waiter of this.#restartWaiters.splice(0)) waiter.reject(new SupervisedProcessError(`${this.#options.name} was left running`));
    const run = this.#run;
    this.#run = null;
    if (run === null) return;
    run.unwatch();
    // Our child no longer keeps this process's event loop alive.
    if (run.child !== null) {
      if (run.child.connected) run.child.disconnect();
      run.child.unref();
    }
  }

  /** Stops the process (request, grace, SIGKILL) and any pending restart; resolves once it is gone. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#restartTimer !== null) clearTimeout(this.#restartTimer);
    this.#restartTimer = null;
    for (const waiter of this.#restartWaiters.splice(0)) waiter.reject(new SupervisedProcessError(`${this.#options.name} was stopped`));
    await this.#starting?.catch(() => undefined);
    const run = this.#run;
    if (run === null) return;
    const grace = this.#options.stopGraceMs ?? 5000;
    const kill = setTimeout(() => signalProcess(run.identity, 'SIGKILL'), grace);
    try {
      if (run.child !== null && this.#options.stopRequest !== undefined) this.#options.stopRequest(run.child);
      else signalProcess(run.identity, 'SIGTERM');
      await run.exited;
    } finally {
      clearTimeout(kill);
    }
    if (this.#options.pidFile !== undefined) await rm(this.#options.pidFile, { force: true });
  }

  #launch(): Promise<void> {
    const starting = this.#spawnReady().finally(() => {
      if (this.#starting === starting) this.#starting = null;
    });
    this.#starting = starting;
    return starting;
  }

  async #spawnReady(): Promise<void> {
    const o = this.#options;
    const cgroups = o.cgroupProcs ?? [];
    const args = [...(o.run.args ?? [])];
    let child: ChildProcess;
    if ('fork' in o.run) {
      child = fork(o.run.fork, args, { stdio: o.stdio ?? ['ignore', 'ignore', 'inherit', 'ipc'], detached: o.detached ?? false, ...(o.env === undefined ? {} : { env: o.env }) });
    } else {
      const env = o.env ?? { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' };
      const stdio = o.stdio ?? ['ignore', 'ignore', 'inherit'];
      // The shell joins the cgroups first, so the command (and what it forks) is born inside them.
      child =
        cgroups.length === 0
          ? spawn(o.run.command, args, { stdio, env, detached: o.detached ?? false })
          : spawn('sh', ['-c', CGROUP_JOIN, 'sh', o.run.command, ...args], { stdio, env: { ...env, COVE_CGROUP_PROCS: cgroups.join(' ') }, detached: o.detached ?? false });
    }
    const spawned = new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    try {
      await spawned;
    } catch (error) {
      throw new SupervisedProcessError(`Cannot start ${o.name}: ${(error as Error).message}`, { cause: error });
    }
    const pid = child.pid ?? 0;
    // A forked Node module cannot be wrapped in the shell (its IPC channel): it joins just after.
    if ('fork' in o.run) for (const file of cgroups) await writeFile(file, String(pid));
    const identity = processIdentity(pid) ?? { pid, startTime: '' };
    const run: Run = { identity, child, startedAt: Date.now(), exited, unwatch: () => undefined };
    const early = exited.then(({ code, signal }) => Promise.reject(new SupervisedProcessError(`${o.name} exited while starting: code ${code}, signal ${signal}`)));
    early.catch(() => undefined);
    const timeoutMs = o.readyTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SupervisedProcessError(`${o.name} was not ready within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.#ready(child), early, timeout]);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      throw error;
    } finally {
      clearTimeout(timer);
    }
    if (o.pidFile !== undefined) {
      // A spawned command may still be its cgroup-joining shell at this point; after `exec` its
      // command line is exactly the command and its arguments, so record that.
      const cmdline = 'fork' in o.run ? await readCmdline(pid) : [o.run.command, ...(o.run.args ?? [])].join(' ').trim();
      const tmp = `${o.pidFile}.tmp`;
      await writeFile(tmp, JSON.stringify({ pid, startTime: identity.startTime, cmdline } satisfies PidFile), { mode: 0o600 });
      await rename(tmp, o.pidFile);
    }
    this.#attach(run);
    await o.onReady?.(child);
  }

  async #ready(child: ChildProcess): Promise<void> {
    const ready = this.#options.ready ?? 'spawned';
    if (ready === 'spawned') return;
    if ('handshake' in ready) return ready.handshake(child);
    if ('message' in ready) {
      if (child.send === undefined) throw new SupervisedProcessError(`${this.#options.name} has no IPC channel to say it is ready`);
      await new Promise<void>((resolve) => {
        const onMessage = (message: unknown): void => {
          if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === ready.message) {
            child.off('message', onMessage);
            resolve();
          }
        };
        child.on('message', onMessage);
      });
      return;
    }
    while (child.exitCode === null && child.signalCode === null && !(await ready.probe())) await delay(ready.intervalMs ?? 50);
  }

  /** Makes `run` the current one and follows its end. */
  #attach(run: Run): void {
    this.#run = run;
    void run.exited.then(({ code, signal }) => this.#onExit(run, code, signal));
  }

  #onExit(run: Run, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.#run !== run) return;
    this.#run = null;
    run.unwatch();
    if (this.#stopped) return;
    const o = this.#options;
    if (Date.now() - run.startedAt >= (o.stableMs ?? 60_000)) this.#restarts = 0;
    const restarting = o.restart ?? true;
    // Scheduled first, so a `start()` from the owner's onExit joins the restart (and its back-off).
    if (restarting) this.#scheduleRestart();
    o.onExit?.(code, signal, restarting);
  }

  #scheduleRestart(): void {
    if (this.#restartTimer !== null || this.#starting !== null || this.#run !== null) return;
    const delayMs = (this.#options.restartDelayMs ?? restartBackoffMs)(this.#restarts);
    this.#restarts += 1;
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null;
      if (this.#stopped) return;
      const waiters = this.#restartWaiters.splice(0);
      this.#launch().then(
        () => {
          for (const waiter of waiters) waiter.resolve();
        },
        (error: unknown) => {
          const failure = error instanceof Error ? error : new Error(String(error));
          this.#options.onError?.(failure);
          if (this.#stopped) {
            for (const waiter of waiters) waiter.reject(failure);
            return;
          }
          // The waiters wait for the next attempt.
          this.#restartWaiters.push(...waiters);
          this.#scheduleRestart();
        },
      );
    }, delayMs);
  }

  /** Follows an adopted process (not our child): polls /proc until it is gone. */
  #watch(identity: ProcessIdentity): Run {
    let timer: NodeJS.Timeout | null = null;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      timer = setInterval(() => {
        if (isRunning(identity)) return;
        if (timer !== null) clearInterval(timer);
        // Not our child: its status is not ours to read.
        resolve({ code: null, signal: null });
      }, 100);
    });
    return {
      identity,
      child: null,
      startedAt: Date.now(),
      exited,
      unwatch: () => {
        if (timer !== null) clearInterval(timer);
      },
    };
  }
}

async function readCmdline(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ').trim();
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
