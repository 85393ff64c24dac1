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
import { fileURLToPath } from 'node:url';
import { childPaths, DetachedChild, runningChildPid, stopLeftoverChild, type ChildPaths } from '../../shared/detached-child.js';
import type { Logger } from '../../shared/log.js';
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

/** The paths of a DNS directory. */
export function dnsPaths(dir: string): ChildPaths {
  return childPaths(dir, 'dns');
}

/**
 * Stops the DNS child a previous server left running for `dir`, starting nothing
 * (`cove server --cleanup`, `--stop-data-plane`). True when one ran.
 */
export function stopLeftoverDns(dir: string, graceMs = 5000): Promise<boolean> {
  return stopLeftoverChild(dir, 'dns', graceMs);
}

export class DnsProcess {
  readonly #options: DnsProcessOptions;
  readonly #child: DetachedChild<DnsHello>;
  #lastFeed: DnsServerFeed | null = null;
  #adopted: readonly string[] | null = null;

  constructor(options: DnsProcessOptions) {
    this.#options = options;
    const log = options.log;
    this.#child = new DetachedChild<DnsHello>({
      name: 'dns',
      title: 'the DNS process',
      dir: options.dir,
      entry: options.entry ?? fileURLToPath(new URL('../../bin/dns.js', import.meta.url)),
      protocol: DNS_PROTOCOL,
      onEvent: (event) => {
        const e = event as DnsControlEvent;
        if (e.type === 'socket-error') log?.error('DNS socket error', new Error(`space ${e.spaceId}: ${e.message}`));
      },
      configure: async () => {
        this.#adopted = null;
        await this.#child.request({
          type: 'init',
          upstreams: options.upstreams ?? null,
          ...(options.ttl === undefined ? {} : { ttl: options.ttl }),
          ...(options.attemptTimeoutMs === undefined ? {} : { attemptTimeoutMs: options.attemptTimeoutMs }),
        } satisfies DnsControlRequest);
        if (this.#lastFeed !== null) await this.#child.request({ type: 'update', feed: this.#lastFeed } satisfies DnsControlRequest);
      },
      adopted: (hello) => {
        this.#adopted = hello.attached;
        log?.info('The adopted DNS process serves', { spaces: hello.attached.length });
      },
      ...(options.onRestart === undefined ? {} : { onRestart: options.onRestart }),
      onExit: (code, signal) => {
        log?.error('DNS process exited', new Error(`DNS process exited: code ${code}, signal ${signal}`));
        options.onExit?.(code, signal);
      },
      onInfo: (message, fields) => log?.info(message, fields),
      onError: (message, error) => log?.error(message, error),
      ...(options.closeGraceMs === undefined ? {} : { stopGraceMs: options.closeGraceMs }),
    });
  }

  /** The child's pid while it runs (adopted or started). */
  get pid(): number | undefined {
    return this.#child.pid;
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
    await this.#child.start();
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
    await this.#child.close(options);
  }

  #request<T = unknown>(request: DnsControlRequest): Promise<T> {
    return this.#child.request<T>(request);
  }
}

/** The pid of the DNS child running for `dir` (as its pidfile names it), or null. */
export function runningDnsPid(dir: string): Promise<number | null> {
  return runningChildPid(dir, 'dns');
}
