/**
 * The drain forwarder as a process of its own, so TLS handshakes, reconnects and batching to
 * remote drains never run on the API's event loop; and one that outlives `cove server` (issue
 * 21 §2): a stop, a crash or a `kill -9` of the server leaves it delivering the lines it
 * buffered, and the next server adopts it (pidfile `<dir>/drains.pid`, checked by
 * SupervisedProcess) and goes on feeding it.
 *
 * It is reached over a control channel (newline-delimited JSON on `<dir>/control.sock`,
 * shared/control-channel.ts): requests for its configuration, one-way messages for batches of
 * lines, and drop reports back (held by the child while no server listens). It is restarted
 * with back-off (1 s, 2 s, 4 s…) when it dies, and given the last feed again when it is back.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ControlClient } from '../../shared/control-channel.js';
import { stopPidFile, SupervisedProcess } from '../../shared/supervised-process.js';
import type { DrainDropReport, DrainFeed, DrainLine } from './drain-feed.js';

/** Bumped whenever a request or answer changes shape: an older child is replaced, not adopted. */
export const DRAIN_PROTOCOL = 1;

/** Server → child: requests (answered). */
export type DrainControlRequest =
  | { readonly type: 'hello' }
  /** Ignored by a child that has been initialised already (an adopted one keeps its buffers). */
  | { readonly type: 'init'; readonly capacity: number; readonly ca: readonly string[] }
  | { readonly type: 'feed'; readonly feed: DrainFeed }
  /** Stops every drain and exits once answered. */
  | { readonly type: 'close' };

/** Server → child: one-way messages. */
export type DrainControlMessage = { readonly type: 'lines'; readonly lines: readonly DrainLine[] };

/** The answer to `hello`. */
export interface DrainHello {
  readonly protocol: number;
  readonly pid: number;
  readonly initialised: boolean;
}

/** Child → server. */
export type DrainControlEvent = { readonly type: 'dropped'; readonly report: DrainDropReport };

export interface DrainProcessOptions {
  /** Its directory: control socket, pidfile, log. Removing it makes the child exit. */
  readonly dir: string;
  /** Lines each drain buffers. */
  readonly capacity: number;
  /** Extra trusted CAs (PEM), e.g. Cove's local CA. */
  readonly ca: readonly string[];
  readonly onDrop: (report: DrainDropReport) => void;
  /** Called when the child exits without `close()`; it is restarted with back-off. */
  readonly onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  /** Called when a restarted child is ready, with the last feed (lines sent meanwhile were lost). */
  readonly onRestart?: () => void;
  /** Adoption and replacement notes. */
  readonly onInfo?: (message: string, fields: Record<string, unknown>) => void;
  /** The child's entry point. @default dist/bin/drains.js of this package */
  readonly entry?: string;
}

export class DrainProcessError extends Error {
  override readonly name = 'DrainProcessError';
}

/** The paths of a drain directory. */
export function drainPaths(dir: string): { readonly control: string; readonly pidFile: string; readonly log: string } {
  return { control: join(dir, 'control.sock'), pidFile: join(dir, 'drains.pid'), log: join(dir, 'drains.log') };
}

/**
 * Stops the drain forwarder a previous server left running for `dir`, starting nothing
 * (`cove server --cleanup`, `--stop-data-plane`). True when one ran.
 */
export function stopLeftoverDrains(dir: string, graceMs = 5000): Promise<boolean> {
  return stopPidFile(drainPaths(dir).pidFile, graceMs);
}

/** The first restart waits a second (a crashing forwarder must not spin), then it doubles. */
function restartDelayMs(restarts: number): number {
  return Math.min(60_000, 1000 * 2 ** restarts);
}

/** Bytes of lines queued on the channel beyond which the caller should hold lines back. */
const BUSY_BACKLOG_BYTES = 1024 * 1024;

export class DrainProcess {
  readonly #options: DrainProcessOptions;
  readonly #paths: ReturnType<typeof drainPaths>;
  #process: SupervisedProcess | null = null;
  #client: ControlClient | null = null;
  #feed: DrainFeed | null = null;
  #runs = 0;
  #adopted = false;
  #logFd: number | null = null;

  constructor(options: DrainProcessOptions) {
    this.#options = options;
    this.#paths = drainPaths(options.dir);
  }

  get pid(): number | undefined {
    return this.running ? this.#process?.pid : undefined;
  }

  /** True when the running child was adopted from a previous server. */
  get adopted(): boolean {
    return this.#adopted;
  }

  /** True while a ready child runs (lines pushed otherwise are lost: hold them back). */
  get running(): boolean {
    return this.#process?.running === true && this.#client !== null && !this.#client.closed;
  }

  /** True while the channel is backed up: the caller should hold lines back. */
  get busy(): boolean {
    return (this.#client?.backlog ?? 0) > BUSY_BACKLOG_BYTES;
  }

  /** Adopts the forwarder a previous server left running (same protocol), or starts one. */
  async start(): Promise<void> {
    if (this.#process?.running === true) throw new DrainProcessError('Cannot start the drain process: it is already running');
    mkdirSync(this.#options.dir, { recursive: true, mode: 0o700 });
    const fresh = this.#process === null;
    const process = this.#process ?? this.#supervised();
    this.#process = process;
    if (fresh && (await process.adopt())) {
      const hello = await this.#connect(2000).catch(() => null);
      if (hello !== null && hello.protocol === DRAIN_PROTOCOL) {
        this.#adopted = true;
        this.#runs++;
        this.#options.onInfo?.('Adopted the running drain process', { pid: hello.pid });
        // A child that never got its init (its server died right after starting it) gets it now.
        if (!hello.initialised) await this.#init();
        return;
      }
      this.#options.onInfo?.('Replacing the running drain process', { protocol: hello?.protocol ?? null });
      await this.#client?.end().catch(() => undefined);
      this.#client = null;
      await process.stop();
    }
    await process.start();
  }

  #supervised(): SupervisedProcess {
    this.#logFd ??= openSync(this.#paths.log, 'a', 0o600);
    return new SupervisedProcess({
      name: 'the drain process',
      run: { command: globalThis.process.execPath, args: [this.#options.entry ?? fileURLToPath(new URL('../../bin/drains.js', import.meta.url)), '--dir', this.#options.dir] },
      stdio: ['ignore', this.#logFd, this.#logFd],
      detached: true,
      pidFile: this.#paths.pidFile,
      ready: { handshake: () => this.#handshake() },
      restartDelayMs,
      onReady: (child) => {
        if (child === null) return; // adopted: start() finishes the job
        this.#runs++;
        if (this.#runs > 1) this.#options.onRestart?.();
      },
      onExit: (code, signal) => this.#options.onExit?.(code, signal),
    });
  }

  async #connect(timeoutMs: number): Promise<DrainHello> {
    await this.#client?.end().catch(() => undefined);
    const client = await ControlClient.connectWithin(this.#paths.control, timeoutMs, {
      onEvent: (event) => {
        const e = event as DrainControlEvent;
        if (e.type === 'dropped') this.#options.onDrop(e.report);
      },
    });
    this.#client = client;
    return client.request<DrainHello>({ type: 'hello' } satisfies DrainControlRequest);
  }

  async #init(): Promise<void> {
    await this.#request({ type: 'init', capacity: this.#options.capacity, ca: this.#options.ca });
    if (this.#feed !== null) await this.#request({ type: 'feed', feed: this.#feed });
  }

  /** Configures a child started here: init, then the last feed. */
  async #handshake(): Promise<void> {
    this.#adopted = false;
    const hello = await this.#connect(10_000);
    if (hello.protocol !== DRAIN_PROTOCOL) throw new DrainProcessError(`The drain child speaks protocol ${hello.protocol}, not ${DRAIN_PROTOCOL}`);
    await this.#init();
  }

  /** Replaces the set of drains (applied in order with the lines around it). */
  update(feed: DrainFeed): void {
    this.#feed = feed;
    this.#request({ type: 'feed', feed }).catch(() => undefined);
  }

  push(lines: readonly DrainLine[]): void {
    if (lines.length > 0) this.#client?.send({ type: 'lines', lines } satisfies DrainControlMessage);
  }

  /**
   * Stops the child — or, with `keepRunning`, leaves it delivering what it buffered (everything
   * pushed so far is written to it first) for the next server to adopt.
   */
  async close(options: { readonly keepRunning?: boolean } = {}): Promise<void> {
    const process = this.#process;
    const client = this.#client;
    this.#client = null;
    if (options.keepRunning === true) {
      process?.leave();
      await client?.end();
    } else {
      await client?.request({ type: 'close' } satisfies DrainControlRequest).catch(() => undefined);
      await process?.stop();
      await client?.end();
    }
    if (this.#logFd !== null) closeSync(this.#logFd);
    this.#logFd = null;
    this.#process = null;
  }

  #request(request: DrainControlRequest): Promise<unknown> {
    const client = this.#client;
    if (client === null || client.closed) return Promise.reject(new DrainProcessError(`Cannot send "${request.type}" to the drain process: it is not running`));
    return client.request(request);
  }
}
