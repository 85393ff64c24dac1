/**
 * A data-plane child process that outlives `cove server` (issue 21 §2), as the DNS server and
 * the drain forwarder are: started in its own session with its output in `<dir>/<name>.log`,
 * known by the pidfile `<dir>/<name>.pid` (pid, start time, command line, checked by
 * SupervisedProcess), reached over the control channel `<dir>/control.sock`
 * (shared/control-channel.ts), restarted when it dies. The first `start()` adopts a running
 * child that answers `hello` with this protocol version, and replaces one that does not.
 * `close({ keepRunning })` leaves it running for the next server; `stopLeftover()` stops one
 * nobody owns. Owners add their requests on top (dataplane/dns/dns-process.ts,
 * dataplane/drains/drain-process.ts).
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { ControlClient } from './control-channel.js';
import { pidFileProcess, stopPidFile, SupervisedProcess } from './supervised-process.js';

/** What every child answers to `{ type: "hello" }`. */
export interface ChildHello {
  readonly protocol: number;
  readonly pid: number;
}

/** The files of a child's directory. */
export interface ChildPaths {
  readonly control: string;
  readonly pidFile: string;
  readonly log: string;
}

export function childPaths(dir: string, name: string): ChildPaths {
  return { control: join(dir, 'control.sock'), pidFile: join(dir, `${name}.pid`), log: join(dir, `${name}.log`) };
}

/** Stops the child a previous server left running in `dir`, starting nothing. True when one ran. */
export function stopLeftoverChild(dir: string, name: string, graceMs = 5000): Promise<boolean> {
  return stopPidFile(childPaths(dir, name).pidFile, graceMs);
}

/** The pid of the child running in `dir` (as its pidfile names it), or null. */
export async function runningChildPid(dir: string, name: string): Promise<number | null> {
  return (await pidFileProcess(childPaths(dir, name).pidFile))?.pid ?? null;
}

/** A request or message on the control channel: its `type` and the owner's fields. */
export interface ChildMessage {
  readonly type: string;
}

export class DetachedChildError extends Error {
  override readonly name = 'DetachedChildError';
}

export interface DetachedChildOptions<Hello extends ChildHello> {
  /** Names its pidfile and log ("dns", "drains"). */
  readonly name: string;
  /** For messages: "the DNS process". */
  readonly title: string;
  /** Its directory. Removing it makes the child exit (the child's own duty). */
  readonly dir: string;
  /** The child's entry point (run with this Node.js, `--dir <dir>`). */
  readonly entry: string;
  /** The protocol version this owner speaks: a child answering another one is replaced. */
  readonly protocol: number;
  /** Child → owner events. */
  readonly onEvent?: (event: unknown) => void;
  /** Configures a child started here, once it has answered `hello` (init, the last state). */
  readonly configure: (hello: Hello) => Promise<void>;
  /** Completes the adoption of a running child that speaks the protocol. */
  readonly adopted?: (hello: Hello) => Promise<void> | void;
  /** Called when a child started here is ready again after the first one died. */
  readonly onRestart?: () => void;
  /** Called when the child exits without `close()`. */
  readonly onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  /** Adoption, replacement and restart notes. */
  readonly onInfo?: (message: string, fields: Record<string, unknown>) => void;
  readonly onError?: (message: string, error: unknown) => void;
  /** How long a stop waits before SIGKILL, in ms. @default SupervisedProcess's */
  readonly stopGraceMs?: number;
  /** The wait before the n-th restart. @default SupervisedProcess's */
  readonly restartDelayMs?: (restarts: number) => number;
}

export class DetachedChild<Hello extends ChildHello> {
  readonly #options: DetachedChildOptions<Hello>;
  readonly #paths: ChildPaths;
  #process: SupervisedProcess | null = null;
  #client: ControlClient | null = null;
  #runs = 0;
  #logFd: number | null = null;

  constructor(options: DetachedChildOptions<Hello>) {
    this.#options = options;
    this.#paths = childPaths(options.dir, options.name);
  }

  /** True while a child that answered runs. */
  get running(): boolean {
    return this.#process?.running === true && this.#client !== null && !this.#client.closed;
  }

  get pid(): number | undefined {
    return this.running ? this.#process?.pid : undefined;
  }

  /** Bytes queued on the control channel. */
  get backlog(): number {
    return this.#client?.backlog ?? 0;
  }

  /**
   * Adopts the child a previous server left running (if it speaks this protocol), or starts
   * one; resolves once it answers. Resolves with the adopted child's hello, or null.
   */
  async start(): Promise<Hello | null> {
    if (this.#process?.running === true) throw new DetachedChildError(`Cannot start ${this.#options.title}: it is already running`);
    mkdirSync(this.#options.dir, { recursive: true, mode: 0o700 });
    // Adoption is for a first start only: later, a start joins the restart under way.
    const fresh = this.#process === null;
    const process = this.#process ?? this.#supervised();
    this.#process = process;
    if (fresh && (await process.adopt())) {
      const hello = await this.#connect(2000).catch((error: unknown) => {
        this.#options.onError?.(`Could not take over the running ${this.#options.name} process; replacing it`, error);
        return null;
      });
      if (hello !== null && hello.protocol === this.#options.protocol) {
        this.#runs++;
        this.#options.onInfo?.(`Adopted ${this.#options.title}`, { pid: hello.pid });
        await this.#options.adopted?.(hello);
        return hello;
      }
      // An older build's child (or a deaf one): stop it, then start ours.
      this.#options.onInfo?.(`Replacing ${this.#options.title}`, { pid: hello?.pid ?? null, protocol: hello?.protocol ?? null });
      await this.#client?.end().catch(() => undefined);
      this.#client = null;
      await process.stop();
    }
    await process.start();
    return null;
  }

  /** One request to the child; rejects when no child answers. */
  request<T = unknown, M extends ChildMessage = ChildMessage>(request: M): Promise<T> {
    const client = this.#client;
    if (client === null || client.closed) return Promise.reject(new DetachedChildError(`Cannot send "${request.type}" to ${this.#options.title}: it is not running`));
    return client.request<T>(request);
  }

  /** A one-way message, in order with the requests around it; dropped when no child runs. */
  send<M extends ChildMessage>(message: M): void {
    this.#client?.send(message);
  }

  /**
   * Stops the child (after `goodbye`, e.g. a request to flush and exit) — or, with
   * `keepRunning`, leaves it running for the next server to adopt.
   */
  async close(options: { readonly keepRunning?: boolean; readonly goodbye?: ChildMessage } = {}): Promise<void> {
    const process = this.#process;
    const client = this.#client;
    this.#client = null;
    if (options.keepRunning === true) {
      process?.leave();
    } else {
      if (options.goodbye !== undefined) await client?.request(options.goodbye).catch(() => undefined);
      await process?.stop();
    }
    await client?.end();
    if (this.#logFd !== null) closeSync(this.#logFd);
    this.#logFd = null;
    this.#process = null;
  }

  #supervised(): SupervisedProcess {
    const o = this.#options;
    this.#logFd ??= openSync(this.#paths.log, 'a', 0o600);
    return new SupervisedProcess({
      name: o.title,
      // No environment but PATH: nothing of the server's (keys, settings) lives on in the child.
      run: { command: globalThis.process.execPath, args: [o.entry, '--dir', o.dir] },
      stdio: ['ignore', this.#logFd, this.#logFd],
      detached: true,
      pidFile: this.#paths.pidFile,
      ready: { handshake: () => this.#handshake() },
      ...(o.stopGraceMs === undefined ? {} : { stopGraceMs: o.stopGraceMs }),
      ...(o.restartDelayMs === undefined ? {} : { restartDelayMs: o.restartDelayMs }),
      onReady: (child) => {
        if (child === null) return; // adopted: start() finishes the job
        this.#runs++;
        if (this.#runs > 1) o.onRestart?.();
      },
      onExit: (code, signal) => o.onExit?.(code, signal),
      onError: (error) => o.onError?.(`Could not restart ${o.title}`, error),
    });
  }

  /** Connects to the child's control channel and asks who it is. */
  async #connect(timeoutMs: number): Promise<Hello> {
    await this.#client?.end().catch(() => undefined);
    const client = await ControlClient.connectWithin(this.#paths.control, timeoutMs, this.#options.onEvent === undefined ? {} : { onEvent: this.#options.onEvent });
    this.#client = client;
    return client.request<Hello>({ type: 'hello' });
  }

  /** Configures a child started here: hello (checking the protocol), then the owner's set-up. */
  async #handshake(): Promise<void> {
    const hello = await this.#connect(10_000);
    if (hello.protocol !== this.#options.protocol) throw new DetachedChildError(`${this.#options.title} speaks protocol ${hello.protocol}, not ${this.#options.protocol}`);
    await this.#options.configure(hello);
  }
}
