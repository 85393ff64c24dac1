/**
 * The linux backend's space DNS (design §4): one DNS child process serves every space, on
 * sockets it binds itself at each space's DNS address inside the space's network namespace
 * (this runtime says where). The control plane's DNS feed gets each space's router addresses
 * here (./dns-addresses.ts) before the child answers from it.
 *
 * The child outlives `cove server` (`close({ keepRunning: true })`): the next server adopts it,
 * starts from the spaces it still serves, and brings it up to date with its first feed.
 *
 * The shared default network (apps outside any space) gets a server too, with no discovery
 * names (as in Heroku's Common Runtime): it only forwards, so those dynos can resolve the world.
 */
import type { DnsFeed } from '../../dataplane/dns/dns-feed.js';
import { DnsProcess, type DnsPlacement } from '../../dataplane/dns/dns-process.js';
import type { Logger } from '../../shared/log.js';
import type { DnsPlane } from '../backend.js';
import { addDnsAddresses } from './dns-addresses.js';
import type { LinuxSpaceNetwork } from './linux-runtime.js';

/** The DNS server's key for the shared default network; no space has this id. */
export const DEFAULT_NETWORK_DNS_KEY = 'default-network';

export interface LinuxDnsPlaneOptions {
  readonly networkOf: (spaceId: string) => LinuxSpaceNetwork | null;
  /** Where a space's (null: the default network's) DNS sockets are bound: its netns and DNS address. */
  readonly dnsPlacement: (spaceId: string | null) => Promise<DnsPlacement>;
  /** The DNS child's directory (control socket, pidfile, log). */
  readonly dir: string;
  readonly log: Logger;
  /** The DNS child's entry point. @default dist/bin/dns.js */
  readonly entry?: string;
}

export class LinuxDnsPlane implements DnsPlane {
  readonly #options: LinuxDnsPlaneOptions;
  #dns: DnsProcess | null = null;
  /** Space ids (or DEFAULT_NETWORK_DNS_KEY) whose sockets the child holds. */
  readonly #attached = new Set<string>();
  /** Keys whose last attach failed (logged once, retried on the next update). */
  readonly #failing = new Set<string>();
  #lastSent = '';
  #lastFeed: DnsFeed | null = null;
  #closed = false;
  /** Updates run one at a time (a restarted child is brought up to date through the same path). */
  #queue: Promise<void> = Promise.resolve();

  constructor(options: LinuxDnsPlaneOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    this.#closed = false;
    const log = this.#options.log;
    const dns = new DnsProcess({
      dir: this.#options.dir,
      log,
      ...(this.#options.entry === undefined ? {} : { entry: this.#options.entry }),
      // The child restarts itself with back-off; its sockets died with it, so attach every
      // space again once it is back (it already answers from the last feed).
      // The restarted child already answers from the last feed (DnsProcess replays it).
      onExit: () => {
        this.#attached.clear();
      },
      onRestart: () => {
        if (this.#closed || this.#lastFeed === null) return;
        this.update(this.#lastFeed).catch((error: unknown) => log.error('DNS feed update failed', error));
      },
    });
    this.#dns = dns;
    this.#attached.clear();
    await dns.start();
    // An adopted child keeps serving the spaces it had: they are attached already.
    for (const key of dns.adoptedSpaces ?? []) this.#attached.add(key);
  }

  update(feed: DnsFeed): Promise<void> {
    this.#lastFeed = feed;
    const run = this.#queue.then(() => this.#apply(feed));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Stops the DNS child, or with `keepRunning` leaves it answering from its last feed for the
   * next server to adopt (a `cove server` stop or restart).
   */
  async close(options: { readonly keepRunning?: boolean } = {}): Promise<void> {
    this.#closed = true;
    await this.#queue;
    await this.#dns?.close(options);
    this.#dns = null;
    this.#attached.clear();
  }

  async #apply(feed: DnsFeed): Promise<void> {
    const dns = this.#dns;
    if (dns === null || dns.pid === undefined) return;
    const served = addDnsAddresses(feed, this.#options.networkOf);
    const text = JSON.stringify(served);
    if (text !== this.#lastSent) {
      await dns.update(served);
      this.#lastSent = text;
    }

    const placed = new Set(served.spaces.map((s) => s.spaceId));
    const wanted = new Set(feed.spaces.filter((s) => s.allocated && placed.has(s.spaceId)).map((s) => s.spaceId));
    if (feed.defaultNetwork === true) wanted.add(DEFAULT_NETWORK_DNS_KEY);
    for (const key of wanted) {
      if (!this.#attached.has(key)) await this.#attach(dns, key);
    }
    for (const key of [...this.#attached]) {
      if (wanted.has(key)) continue;
      this.#attached.delete(key);
      await dns.detach(key);
    }
  }

  async #attach(dns: DnsProcess, key: string): Promise<void> {
    try {
      await dns.attach(key, await this.#options.dnsPlacement(key === DEFAULT_NETWORK_DNS_KEY ? null : key));
      this.#attached.add(key);
      this.#failing.delete(key);
    } catch (error) {
      if (!this.#failing.has(key)) this.#options.log.error(`Could not serve DNS in ${key === DEFAULT_NETWORK_DNS_KEY ? 'the default network' : `space ${key}`}`, error);
      this.#failing.add(key);
    }
  }
}
