/**
 * The drain forwarder as a child process of `cove server`, so TLS handshakes, reconnects and
 * batching to remote drains never run on the API's event loop. The parent sends the feed and
 * batches of lines over the IPC channel; the child reports drops.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
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
  /** Called when the child exits without `close()`. */
  readonly onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  /** The child's entry point. @default dist/bin/drains.js of this package */
  readonly entry?: string;
}

export class DrainProcessError extends Error {
  override readonly name = 'DrainProcessError';
}

export class DrainProcess {
  readonly #options: DrainProcessOptions;
  #child: ChildProcess | null = null;
  #closing = false;
  /** IPC messages handed to the channel but not yet written out. */
  #unsent = 0;

  constructor(options: DrainProcessOptions) {
    this.#options = options;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** True while the IPC channel is backed up: the caller should hold lines back. */
  get busy(): boolean {
    return this.#unsent > 8;
  }

  async start(): Promise<void> {
    if (this.#child !== null) throw new DrainProcessError('Cannot start the drain process: it is already running');
    this.#closing = false;
    const entry = this.#options.entry ?? fileURLToPath(new URL('../../bin/drains.js', import.meta.url));
    const child = fork(entry, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.#child = child;
    const ready = new Promise<void>((resolve, reject) => {
      child.on('message', (event: DrainProcessEvent) => {
        if (event.type === 'ready') resolve();
        else this.#options.onDrop(event.report);
      });
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new DrainProcessError(`Drain process exited while starting: code ${code}, signal ${signal}`)));
    });
    child.on('exit', (code, signal) => {
      this.#child = null;
      this.#unsent = 0;
      if (!this.#closing) this.#options.onExit?.(code, signal);
    });
    this.#send({ type: 'init', capacity: this.#options.capacity, ca: this.#options.ca });
    await ready;
  }

  update(feed: DrainFeed): void {
    this.#send({ type: 'feed', feed });
  }

  push(lines: readonly DrainLine[]): void {
    if (lines.length > 0) this.#send({ type: 'lines', lines });
  }

  async close(): Promise<void> {
    const child = this.#child;
    if (child === null) return;
    this.#closing = true;
    const exited = once(child, 'exit');
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    if (child.connected) this.#send({ type: 'close' });
    else child.kill('SIGTERM');
    await exited;
    clearTimeout(kill);
  }

  #send(request: DrainProcessRequest): void {
    const child = this.#child;
    if (child === null || !child.connected) return;
    this.#unsent++;
    child.send(request, (error) => {
      this.#unsent = Math.max(0, this.#unsent - 1);
      if (error !== null && !this.#closing) child.kill('SIGTERM');
    });
  }
}
