/**
 * The drain forwarder as a process of its own, so TLS handshakes, reconnects and batching to
 * remote drains never run on the API's event loop; and one that outlives `cove server` (issue
 * 21 §2): a stop, a crash or a `kill -9` of the server leaves it delivering the lines it
 * buffered, and the next server adopts it (a `DetachedChild`, shared/detached-child.ts: pidfile
 * `<dir>/drains.pid`) and goes on feeding it.
 *
 * It is reached over a control channel (newline-delimited JSON on `<dir>/control.sock`,
 * shared/control-channel.ts): requests for its configuration, one-way messages for batches of
 * lines, and drop reports back (held by the child while no server listens). It is restarted
 * with back-off (1 s, 2 s, 4 s…) when it dies, and given the last feed again when it is back.
 */
import { fileURLToPath } from 'node:url';
import { childPaths, DetachedChild, stopLeftoverChild, type ChildPaths } from '../../shared/detached-child.js';
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

/** The paths of a drain directory. */
export function drainPaths(dir: string): ChildPaths {
  return childPaths(dir, 'drains');
}

/**
 * Stops the drain forwarder a previous server left running for `dir`, starting nothing
 * (`cove server --cleanup`, `--stop-data-plane`). True when one ran.
 */
export function stopLeftoverDrains(dir: string, graceMs = 5000): Promise<boolean> {
  return stopLeftoverChild(dir, 'drains', graceMs);
}

/** The first restart waits a second (a crashing forwarder must not spin), then it doubles. */
function restartDelayMs(restarts: number): number {
  return Math.min(60_000, 1000 * 2 ** restarts);
}

/** Bytes of lines queued on the channel beyond which the caller should hold lines back. */
const BUSY_BACKLOG_BYTES = 1024 * 1024;

export class DrainProcess {
  readonly #child: DetachedChild<DrainHello>;
  #feed: DrainFeed | null = null;
  #adopted = false;

  constructor(options: DrainProcessOptions) {
    const init = async (): Promise<void> => {
      await this.#child.request({ type: 'init', capacity: options.capacity, ca: options.ca } satisfies DrainControlRequest);
      if (this.#feed !== null) await this.#child.request({ type: 'feed', feed: this.#feed } satisfies DrainControlRequest);
    };
    this.#child = new DetachedChild<DrainHello>({
      name: 'drains',
      title: 'the drain process',
      dir: options.dir,
      entry: options.entry ?? fileURLToPath(new URL('../../bin/drains.js', import.meta.url)),
      protocol: DRAIN_PROTOCOL,
      onEvent: (event) => {
        const e = event as DrainControlEvent;
        if (e.type === 'dropped') options.onDrop(e.report);
      },
      configure: async () => {
        this.#adopted = false;
        await init();
      },
      adopted: async (hello) => {
        this.#adopted = true;
        // A child that never got its init (its server died right after starting it) gets it now.
        if (!hello.initialised) await init();
      },
      restartDelayMs,
      ...(options.onRestart === undefined ? {} : { onRestart: options.onRestart }),
      ...(options.onExit === undefined ? {} : { onExit: options.onExit }),
      ...(options.onInfo === undefined ? {} : { onInfo: options.onInfo }),
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** True when the running child was adopted from a previous server. */
  get adopted(): boolean {
    return this.#adopted;
  }

  /** True while a ready child runs (lines pushed otherwise are lost: hold them back). */
  get running(): boolean {
    return this.#child.running;
  }

  /** True while the channel is backed up: the caller should hold lines back. */
  get busy(): boolean {
    return this.#child.backlog > BUSY_BACKLOG_BYTES;
  }

  /** Adopts the forwarder a previous server left running (same protocol), or starts one. */
  async start(): Promise<void> {
    await this.#child.start();
  }

  /** Replaces the set of drains (applied in order with the lines around it). */
  update(feed: DrainFeed): void {
    this.#feed = feed;
    this.#child.request({ type: 'feed', feed } satisfies DrainControlRequest).catch(() => undefined);
  }

  push(lines: readonly DrainLine[]): void {
    if (lines.length > 0) this.#child.send({ type: 'lines', lines } satisfies DrainControlMessage);
  }

  /**
   * Stops the child — or, with `keepRunning`, leaves it delivering what it buffered (everything
   * pushed so far is written to it first) for the next server to adopt.
   */
  async close(options: { readonly keepRunning?: boolean } = {}): Promise<void> {
    await this.#child.close({ ...options, goodbye: { type: 'close' } satisfies DrainControlRequest });
  }
}
