/**
 * The drain forwarder as a child process of `cove server`, so TLS handshakes, reconnects and
 * batching to remote drains never run on the API's event loop. The parent sends the feed and
 * batches of lines over the IPC channel; the child reports drops.
 *
 * The child is a `SupervisedProcess`: ready once it said so after its init, restarted with
 * back-off (1 s, 2 s, 4 s…) when it dies, and given the last feed again when it is back.
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SupervisedProcess } from '../../shared/supervised-process.js';
import type { DrainDropReport, DrainFeed, DrainLine } from './drain-feed.js';

/** Parent → child. */
export type DrainProcessRequest =
  | { readonly type: 'init'; readonly capacity: number; readonly ca: readonly string[] }
  | { readonly type: 'feed'; readonly feed: DrainFeed }
  | { readonly type: 'lines'; readonly lines: readonly DrainLine[] }
  | { readonly type: 'close' };

/** Child → parent. */
export type DrainProcessEvent = { readonly type: 'ready' } | { readonly type: 'dropped'; readonly report: DrainDropReport };

export interface DrainProcessOptions {
  /** Lines each drain buffers. */
  readonly capacity: number;
  /** Extra trusted CAs (PEM), e.g. Cove's local CA. */
  readonly ca: readonly string[];
  readonly onDrop: (report: DrainDropReport) => void;
  /** Called when the child exits without `close()`; it is restarted with back-off. */
  readonly onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  /** Called when a restarted child is ready, with the last feed (lines sent meanwhile were lost). */
  readonly onRestart?: () => void;
  /** The child's entry point. @default dist/bin/drains.js of this package */
  readonly entry?: string;
}

export class DrainProcessError extends Error {
  override readonly name = 'DrainProcessError';
}

/** The first restart waits a second (a crashing forwarder must not spin), then it doubles. */
function restartDelayMs(restarts: number): number {
  return Math.min(60_000, 1000 * 2 ** restarts);
}

export class DrainProcess {
  readonly #options: DrainProcessOptions;
  readonly #process: SupervisedProcess;
  #child: ChildProcess | null = null;
  #closing = false;
  #feed: DrainFeed | null = null;
  #runs = 0;
  /** IPC messages handed to the channel but not yet written out. */
  #unsent = 0;

  constructor(options: DrainProcessOptions) {
    this.#options = options;
    this.#process = new SupervisedProcess({
      name: 'the drain process',
      run: { fork: options.entry ?? fileURLToPath(new URL('../../bin/drains.js', import.meta.url)) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      ready: { handshake: (child) => this.#handshake(child) },
      restartDelayMs,
      stopRequest: (child) => {
        if (child.connected) this.#send({ type: 'close' }, child);
        else child.kill('SIGTERM');
      },
      onReady: () => {
        this.#runs++;
        if (this.#runs > 1) this.#options.onRestart?.();
      },
      onExit: (code, signal) => this.#options.onExit?.(code, signal),
    });
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** True while a ready child runs (lines pushed otherwise are lost: hold them back). */
  get running(): boolean {
    return this.#process.running && this.#child !== null;
  }

  /** True while the IPC channel is backed up: the caller should hold lines back. */
  get busy(): boolean {
    return this.#unsent > 8;
  }

  async start(): Promise<void> {
    if (this.#process.running) throw new DrainProcessError('Cannot start the drain process: it is already running');
    this.#closing = false;
    await this.#process.start();
  }

  update(feed: DrainFeed): void {
    this.#feed = feed;
    this.#send({ type: 'feed', feed });
  }

  push(lines: readonly DrainLine[]): void {
    if (lines.length > 0) this.#send({ type: 'lines', lines });
  }

  async close(): Promise<void> {
    this.#closing = true;
    await this.#process.stop();
  }

  /** Configures a new child: init, its ready message, then the last feed. */
  async #handshake(child: ChildProcess): Promise<void> {
    this.#child = child;
    const ready = new Promise<void>((resolve) => {
      child.on('message', (event: DrainProcessEvent) => {
        if (event.type === 'ready') resolve();
        else this.#options.onDrop(event.report);
      });
    });
    child.on('exit', () => {
      if (this.#child === child) this.#child = null;
      this.#unsent = 0;
    });
    this.#send({ type: 'init', capacity: this.#options.capacity, ca: this.#options.ca }, child);
    await ready;
    if (this.#feed !== null) this.#send({ type: 'feed', feed: this.#feed }, child);
  }

  #send(request: DrainProcessRequest, child = this.#child): void {
    if (child === null || !child.connected) return;
    this.#unsent++;
    child.send(request, (error) => {
      this.#unsent = Math.max(0, this.#unsent - 1);
      if (error !== null && !this.#closing) child.kill('SIGTERM');
    });
  }
}
