/**
 * The DNS server as a process of its own (design §1: the data plane runs off the API's event
 * loop), and one that outlives `cove server`: a stop, a crash or a `kill -9` of the server leaves
 * it answering every space from its last feed, and the next server adopts it (issue 21 §2).
 *
 * - It is started in its own session, its output goes to `<dir>/dns.log`, and it is reached over
 *   a control channel (newline-delimited JSON on `<dir>/control.sock`, shared/control-channel.ts)
 *   that does not depend on the server that started it.
 * - It binds each space's sockets itself, inside the space's network namespace (the netns
 *   helper, shared/netns-listen.ts): an adopted process has no IPC channel to receive them over.
 * - Adoption: the pidfile `<dir>/dns.pid` names the process (pid, start time, command line,
 *   checked by SupervisedProcess); the new server connects, checks the protocol version, learns
 *   which spaces it serves, and brings it up to date with its next feed. Queries never stop.
 * - It stops on `close()` (without `keepRunning`), `stopLeftoverDns(dir)` (--cleanup and
 *   --stop-data-plane), and by itself when `<dir>` disappears.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ControlClient } from '../../shared/control-channel.js';
import type { Logger } from '../../shared/log.js';
import { pidFileProcess, stopPidFile, SupervisedProcess } from '../../shared/supervised-process.js';
import type { DnsServerFeed } from './dns-feed.js';
import type { DnsUpstream } from './resolv-conf.js';

/** Bumped whenever a request or answer changes shape: an older child is replaced, not adopted. */
export const DNS_PROTOCOL = 1;

/** Where a space's DNS sockets are bound: its network namespace and DNS address there. */
export interface DnsPlacement {
  /** The namespace (`ip netns` name); null: the child's own (tests on loopback). */
  readonly netns: string | null;
  readonly address: string;
  /** @default 53 */
  readonly port?: number;
  /** Also serve TCP. @default true */
  readonly tcp?: boolean;
}

/** Server → child. */
export type DnsControlRequest =
  | { readonly type: 'hello' }
  /** Ignored by a child that has been initialised already (an adopted one keeps its settings). */
  | { readonly type: 'init'; readonly upstreams: readonly DnsUpstream[] | null; readonly ttl?: number; readonly attemptTimeoutMs?: number }
  /** Binds the port (UDP, and TCP) at `address` inside `netns` for `spaceId`; a no-op when it already does. */
  | ({ readonly type: 'attach'; readonly spaceId: string } & DnsPlacement)
  | { readonly type: 'detach'; readonly spaceId: string }
  | { readonly type: 'update'; readonly feed: DnsServerFeed }
  /** Closes every socket and exits once answered. */
  | { readonly type: 'close' };

/** The answer to `hello`. */
export interface DnsHello {
  readonly protocol: number;
  readonly pid: number;
  readonly initialised: boolean;
  /** Spaces (keys) whose sockets it holds. */
  readonly attached: readonly string[];
}

/** Child → server. */
export type DnsControlEvent = { readonly type: 'socket-error'; readonly spaceId: string; readonly message: string };

export interface DnsProcessOptions {
  /** Its directory: control socket, pidfile, log. Removing it makes the child exit. */
  readonly dir: string;
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
   * gone, so re-attach every space once it is back (`onRestart`).
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

/** The paths of a DNS directory. */
export function dnsPaths(dir: string): { readonly control: string; readonly pidFile: string; readonly log: string } {
  return { control: join(dir, 'control.sock'), pidFile: join(dir, 'dns.pid'), log: join(dir, 'dns.log') };
}

/**
 * Stops the DNS child a previous server left running for `dir`, starting nothing
 * (`cove server --cleanup`, `--stop-data-plane`). True when one ran.
 */
export function stopLeftoverDns(dir: string, graceMs = 5000): Promise<boolean> {
  return stopPidFile(dnsPaths(dir).pidFile, graceMs);
}

export class DnsProcess {
  readonly #options: DnsProcessOptions;
  readonly #paths: ReturnType<typeof dnsPaths>;
  #process: SupervisedProcess | null = null;
  #client: ControlClient | null = null;
  #lastFeed: DnsServerFeed | null = null;
  #runs = 0;
  #adopted: readonly string[] | null = null;
  #logFd: number | null = null;

  constructor(options: DnsProcessOptions) {
    this.#options = options;
    this.#paths = dnsPaths(options.dir);
  }

  /** The child's pid while it runs (adopted or started). */
  get pid(): number | undefined {
    return this.#client === null || this.#client.closed ? undefined : this.#process?.pid;
  }

  /** When the running child was adopted: the spaces it already served then. Null when started here. */
  get adoptedSpaces(): readonly string[] | null {
    return this.#adopted;
  }

  /**
   * Adopts the child a previous server left running for this directory (if it speaks this
   * protocol), or starts one; resolves once it answers on its control channel.
   */
  async start(): Promise<void> {
    if (this.#process?.running === true) throw new DnsProcessError('Cannot start the DNS process: it is already running');
    mkdirSync(this.#options.dir, { recursive: true, mode: 0o700 });
    // Adoption is for a first start only: later, a start joins the restart under way.
    const fresh = this.#process === null;
    const process = this.#process ?? this.#supervised();
    this.#process = process;
    if (fresh && (await process.adopt())) {
      const hello = await this.#connect().catch((error: unknown) => {
        this.#options.log?.error('Could not take over the running DNS process; replacing it', error);
        return null;
      });
      if (hello !== null && hello.protocol === DNS_PROTOCOL) {
        this.#adopted = hello.attached;
        this.#runs++;
        this.#options.log?.info('Adopted the running DNS process', { pid: hello.pid, spaces: hello.attached.length });
        return;
      }
      if (hello !== null) this.#options.log?.info('The running DNS process speaks another protocol; replacing it', { pid: hello.pid, protocol: hello.protocol });
      // An older build's child (or a deaf one): stop it, then start ours on the freed addresses.
      this.#client?.end().catch(() => undefined);
      this.#client = null;
      await process.stop();
    }
    await process.start();
  }

  #supervised(): SupervisedProcess {
    this.#logFd ??= openSync(this.#paths.log, 'a', 0o600);
    return new SupervisedProcess({
      name: 'the DNS process',
      run: { command: globalThis.process.execPath, args: [this.#options.entry ?? fileURLToPath(new URL('../../bin/dns.js', import.meta.url)), '--dir', this.#options.dir] },
      stdio: ['ignore', this.#logFd, this.#logFd],
      detached: true,
      pidFile: this.#paths.pidFile,
      ready: { handshake: () => this.#handshake() },
      ...(this.#options.closeGraceMs === undefined ? {} : { stopGraceMs: this.#options.closeGraceMs }),
      onReady: (child) => {
        if (child === null) return; // adopted: start() finishes the job
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

  /** Connects to the child's control channel and asks who it is. */
  async #connect(timeoutMs = 2000): Promise<DnsHello> {
    this.#client?.end().catch(() => undefined);
    const client = await ControlClient.connectWithin(this.#paths.control, timeoutMs, {
      onEvent: (event) => {
        const e = event as DnsControlEvent;
        if (e.type === 'socket-error') this.#options.log?.error('DNS socket error', new Error(`space ${e.spaceId}: ${e.message}`));
      },
    });
    this.#client = client;
    return client.request<DnsHello>({ type: 'hello' } satisfies DnsControlRequest);
  }

  /** Configures a child started here: init, then the last feed (a restart replays it). */
  async #handshake(): Promise<void> {
    this.#adopted = null;
    const hello = await this.#connect(10_000);
    if (hello.protocol !== DNS_PROTOCOL) throw new DnsProcessError(`The DNS child speaks protocol ${hello.protocol}, not ${DNS_PROTOCOL}`);
    await this.#request({
      type: 'init',
      upstreams: this.#options.upstreams ?? null,
      ...(this.#options.ttl === undefined ? {} : { ttl: this.#options.ttl }),
      ...(this.#options.attemptTimeoutMs === undefined ? {} : { attemptTimeoutMs: this.#options.attemptTimeoutMs }),
    });
    if (this.#lastFeed !== null) await this.#request({ type: 'update', feed: this.#lastFeed });
  }

  /** Makes the child serve `spaceId` on port 53 at `placement` (it binds the sockets itself). */
  async attach(spaceId: string, placement: DnsPlacement): Promise<void> {
    await this.#request({ type: 'attach', spaceId, netns: placement.netns, address: placement.address, port: placement.port ?? 53, tcp: placement.tcp ?? true });
  }

  /** Stops serving `spaceId`; the child closes its sockets. */
  async detach(spaceId: string): Promise<void> {
    await this.#request({ type: 'detach', spaceId });
  }

  /** Replaces every space's records; resolves once the child answers from the new feed. */
  async update(feed: DnsServerFeed): Promise<void> {
    this.#lastFeed = feed;
    await this.#request({ type: 'update', feed });
  }

  /**
   * Stops the child (SIGTERM; SIGKILL after the grace) — or, with `keepRunning`, leaves it
   * serving its last feed for the next server to adopt.
   */
  async close(options: { readonly keepRunning?: boolean } = {}): Promise<void> {
    const process = this.#process;
    const client = this.#client;
    this.#client = null;
    if (options.keepRunning === true) {
      process?.leave();
      await client?.end();
    } else {
      await process?.stop();
      await client?.end();
    }
    if (this.#logFd !== null) closeSync(this.#logFd);
    this.#logFd = null;
    this.#process = null;
  }

  #request<T = unknown>(request: DnsControlRequest): Promise<T> {
    const client = this.#client;
    if (client === null || client.closed) return Promise.reject(new DnsProcessError(`Cannot send "${request.type}" to the DNS process: it is not running`));
    return client.request<T>(request);
  }
}

/** The pid of the DNS child running for `dir` (as its pidfile names it), or null. */
export async function runningDnsPid(dir: string): Promise<number | null> {
  return (await pidFileProcess(dnsPaths(dir).pidFile))?.pid ?? null;
}
