/**
 * The DNS server as a child process of `cove server` (design §1: the data plane runs off the
 * API's event loop). The parent sends the feed and hands over each space's bound sockets over
 * the IPC channel; every request is acknowledged once the child has applied it.
 *
 * The child is a `SupervisedProcess`: it is ready once it acknowledged its init (and the last
 * feed), and a child that dies is started again with back-off. Its sockets die with it, so the
 * owner hears of the exit (`onExit`) and attaches every space again once it is back.
 */
import type { ChildProcess } from 'node:child_process';
import type dgram from 'node:dgram';
import type net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../shared/log.js';
import { SupervisedProcess } from '../../shared/supervised-process.js';
import type { DnsServerFeed } from './dns-feed.js';
import type { DnsUpstream } from './resolv-conf.js';

/** Parent → child. */
export type DnsProcessRequest =
  | { readonly type: 'init'; readonly id: number; readonly upstreams: readonly DnsUpstream[] | null; readonly ttl?: number; readonly attemptTimeoutMs?: number }
  /** Carries a dgram.Socket; `withTcp` says a `tcp` message with a net.Server follows. */
  | { readonly type: 'udp'; readonly id: number; readonly spaceId: string; readonly withTcp: boolean }
  /** Carries a net.Server. */
  | { readonly type: 'tcp'; readonly id: number; readonly spaceId: string }
  | { readonly type: 'detach'; readonly id: number; readonly spaceId: string }
  | { readonly type: 'update'; readonly id: number; readonly feed: DnsServerFeed }
  | { readonly type: 'close'; readonly id: number };

/** Child → parent. */
export type DnsProcessEvent =
  | { readonly type: 'ack'; readonly id: number; readonly error?: string }
  | { readonly type: 'socket-error'; readonly spaceId: string; readonly message: string };

export interface DnsProcessOptions {
  /** Resolvers for names Cove does not own. @default the host's /etc/resolv.conf, read by the child */
  readonly upstreams?: readonly DnsUpstream[];
  /** TTL of Cove's own records, in seconds. @default 1 */
  readonly ttl?: number;
  /** How long one upstream gets, in ms. @default 1000 */
  readonly attemptTimeoutMs?: number;
  /** @default silent */
  readonly log?: Logger;
  /**
   * Called when the child exits without `close()`. It is restarted with back-off; its sockets are
   * gone, so re-attach every space once it is back (`start()` resolves then, or `onRestart`).
   */
  readonly onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  /** Called when a restarted child is ready (with the last feed applied). */
  readonly onRestart?: () => void;
  /** How long `close()` waits for the child before SIGKILL, in ms. @default 5000 */
  readonly closeGraceMs?: number;
  /** The child's entry point. @default dist/bin/dns.js of this package */
  readonly entry?: string;
}

export class DnsProcessError extends Error {
  override readonly name = 'DnsProcessError';
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export class DnsProcess {
  readonly #options: DnsProcessOptions;
  readonly #waiters = new Map<number, Waiter>();
  readonly #process: SupervisedProcess;
  #child: ChildProcess | null = null;
  #nextId = 1;
  #lastFeed: DnsServerFeed | null = null;
  #runs = 0;

  constructor(options: DnsProcessOptions = {}) {
    this.#options = options;
    this.#process = new SupervisedProcess({
      name: 'the DNS process',
      run: { fork: options.entry ?? fileURLToPath(new URL('../../bin/dns.js', import.meta.url)) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      ready: { handshake: (child) => this.#handshake(child) },
      stopRequest: (child) => {
        // Without its IPC channel the child cannot hear "close": a signal, not the whole grace.
        if (child.connected) this.#request({ type: 'close', id: this.#nextId++ }, undefined, child).catch(() => {});
        else child.kill('SIGTERM');
      },
      ...(options.closeGraceMs === undefined ? {} : { stopGraceMs: options.closeGraceMs }),
      onReady: () => {
        this.#runs++;
        if (this.#runs > 1) this.#options.onRestart?.();
      },
      onExit: (code, signal) => {
        this.#options.log?.error('DNS process exited', new DnsProcessError(`DNS process exited: code ${code}, signal ${signal}`));
        this.#options.onExit?.(code, signal);
      },
      onError: (error) => this.#options.log?.error('Could not restart the DNS process', error),
    });
  }

  /** The child's pid while it runs. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /**
   * Forks the child and configures it; replays the last feed after a restart. While a restart
   * after a crash is pending, it resolves once that restart is done.
   */
  async start(): Promise<void> {
    if (this.#process.running) throw new DnsProcessError('Cannot start the DNS process: it is already running');
    await this.#process.start();
  }

  /** Configures a new child: its exit fails what waits on it; init, then the last feed. */
  async #handshake(child: ChildProcess): Promise<void> {
    this.#child = child;
    child.on('message', (msg: DnsProcessEvent) => this.#onEvent(msg));
    child.on('exit', (code, signal) => {
      if (this.#child === child) this.#child = null;
      const error = new DnsProcessError(`DNS process exited: code ${code}, signal ${signal}`);
      for (const waiter of this.#waiters.values()) waiter.reject(error);
      this.#waiters.clear();
    });
    await this.#request({
      type: 'init',
      id: this.#nextId++,
      upstreams: this.#options.upstreams ?? null,
      ...(this.#options.ttl === undefined ? {} : { ttl: this.#options.ttl }),
      ...(this.#options.attemptTimeoutMs === undefined ? {} : { attemptTimeoutMs: this.#options.attemptTimeoutMs }),
    });
    if (this.#lastFeed !== null) await this.#request({ type: 'update', id: this.#nextId++, feed: this.#lastFeed });
  }

  /**
   * Hands `spaceId`'s bound sockets to the child, then closes this process's copies (otherwise
   * both processes would read from them).
   */
  async attach(spaceId: string, udp: dgram.Socket, tcp?: net.Server): Promise<void> {
    await this.#request({ type: 'udp', id: this.#nextId++, spaceId, withTcp: tcp !== undefined }, udp);
    udp.close();
    if (tcp !== undefined) {
      await this.#request({ type: 'tcp', id: this.#nextId++, spaceId }, tcp);
      tcp.close();
    }
  }

  /** Stops serving `spaceId`; the child closes its sockets. */
  async detach(spaceId: string): Promise<void> {
    await this.#request({ type: 'detach', id: this.#nextId++, spaceId });
  }

  /** Replaces every space's records; resolves once the child answers from the new feed. */
  async update(feed: DnsServerFeed): Promise<void> {
    this.#lastFeed = feed;
    await this.#request({ type: 'update', id: this.#nextId++, feed });
  }

  /** Closes every socket and waits for the child to exit (SIGKILL after the grace). */
  async close(): Promise<void> {
    await this.#process.stop();
  }

  #onEvent(event: DnsProcessEvent): void {
    if (event.type === 'socket-error') {
      this.#options.log?.error('DNS socket error', new Error(`space ${event.spaceId}: ${event.message}`));
      return;
    }
    const waiter = this.#waiters.get(event.id);
    if (waiter === undefined) return;
    this.#waiters.delete(event.id);
    if (event.error === undefined) waiter.resolve();
    else waiter.reject(new DnsProcessError(event.error));
  }

  #request(request: DnsProcessRequest, handle?: dgram.Socket | net.Server, child = this.#child): Promise<void> {
    if (child === null || !child.connected) {
      return Promise.reject(new DnsProcessError(`Cannot send "${request.type}" to the DNS process: it is not running`));
    }
    return new Promise((resolve, reject) => {
      this.#waiters.set(request.id, { resolve, reject });
      const sent = (error: Error | null): void => {
        if (error === null) return;
        this.#waiters.delete(request.id);
        reject(error);
      };
      if (handle === undefined) child.send(request, sent);
      else child.send(request, handle, sent);
    });
  }
}
