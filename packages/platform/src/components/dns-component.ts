/**
 * Space DNS in `cove server` (design §4): one DNS child process serves every space on sockets
 * bound at each space's DNS address inside the space network and handed over. The feed is
 * rebuilt from the store whenever the API changes desired state or the reconciler records a
 * change of actual state (a dyno up or down), so answers follow dynos within a reconcile pass;
 * a slow timer re-checks, level-triggered, in case a signal was missed.
 *
 * Custom domains resolve like default ones: an internal app's to its space's internal router,
 * a public app's to the public router as dynos reach it (their space's transit gateway).
 *
 * The shared default network (apps outside any space) gets a server too, with no discovery
 * names (as in Heroku's Common Runtime): it only forwards, so those dynos can resolve the world.
 */
import type { Runtime } from '../backends/runtime.js';
import { buildDnsFeed } from '../controlplane/feeds/dns-feed-builder.js';
import { DnsProcess } from '../dataplane/dns/dns-process.js';
import type { Logger } from '../shared/log.js';
import { SerialTrigger } from '../shared/serial-trigger.js';
import { LinuxRuntime } from '../backends/linux/linux-runtime.js';
import type { ComponentContext, PlatformComponent } from '../platform-component.js';

/** The DNS server's key for the shared default network; no space has this id. */
export const DEFAULT_NETWORK_DNS_KEY = 'default-network';
/** How often the component re-checks without a signal. */
const RECHECK_MS = 2000;

export interface DnsComponentOptions {
  /** The DNS child's entry point. @default dist/bin/dns.js */
  readonly entry?: string;
}

export class DnsComponent implements PlatformComponent {
  readonly name = 'dns';
  readonly #options: DnsComponentOptions;
  #ctx: ComponentContext | null = null;
  #dns: DnsProcess | null = null;
  /** Space ids (or DEFAULT_NETWORK_DNS_KEY) whose sockets the child holds. */
  readonly #attached = new Set<string>();
  /** Keys whose last attach failed (logged once, retried on the next pass). */
  readonly #failing = new Set<string>();
  #lastFeed = '';
  #trigger: SerialTrigger | null = null;
  #closed = false;
  #timer: NodeJS.Timeout | null = null;
  readonly #unsubscribe: (() => void)[] = [];

  constructor(options: DnsComponentOptions = {}) {
    this.#options = options;
  }

  async start(ctx: ComponentContext): Promise<void> {
    this.#ctx = ctx;
    this.#closed = false;
    const trigger = new SerialTrigger(() => this.#syncOnce().catch((error: unknown) => ctx.log.error('DNS feed update failed', error)));
    this.#trigger = trigger;
    const dns = new DnsProcess({
      log: ctx.log,
      ...(this.#options.entry === undefined ? {} : { entry: this.#options.entry }),
      onExit: () => {
        // Its sockets died with it: start a new child and attach every space again.
        this.#attached.clear();
        this.#lastFeed = '';
        if (!this.#closed) void dns.start().then(() => this.sync(), (error: unknown) => ctx.log.error('Could not restart the DNS process', error));
      },
    });
    this.#dns = dns;
    await dns.start();
    this.#unsubscribe.push(ctx.store.onChange(() => trigger.trigger()), ctx.store.onObserved(() => trigger.trigger()));
    this.#timer = setInterval(() => trigger.trigger(), RECHECK_MS);
    this.#timer.unref();
    await this.sync();
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const off of this.#unsubscribe.splice(0)) off();
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#trigger?.close();
    await this.#dns?.close();
    this.#dns = null;
    this.#attached.clear();
  }

  /** Brings the child's feed and sockets in line with the store; resolves when applied. */
  async sync(): Promise<void> {
    this.#trigger?.trigger();
    await this.#trigger?.idle();
  }

  async #syncOnce(): Promise<void> {
    const ctx = this.#ctx;
    const dns = this.#dns;
    if (ctx === null || dns === null || dns.pid === undefined) return;
    const store = ctx.store;
    const spaces = store.tables.spaces.select('');
    const feed = buildDnsFeed(
      { spaces, apps: store.tables.apps.select(''), dynos: store.tables.dynos.select(''), domains: store.tables.domains.select('') },
      // Dynos reach the public router at their space's transit gateway (the router's hairpin).
      { domain: ctx.config.domain, publicRouterAddress: (space) => (ctx.runtime instanceof LinuxRuntime ? ctx.runtime.spaceNetwork(space.id)?.transitHost ?? null : null) },
    );
    const text = JSON.stringify(feed);
    if (text !== this.#lastFeed) {
      await dns.update(feed);
      this.#lastFeed = text;
    }

    const wanted = new Set(spaces.filter((s) => s.state === 'allocated').map((s) => s.id));
    if (store.tables.dynos.one('space_id IS NULL') !== undefined) wanted.add(DEFAULT_NETWORK_DNS_KEY);
    for (const key of wanted) {
      if (!this.#attached.has(key)) await this.#attach(ctx.runtime, dns, key, ctx.log);
    }
    for (const key of [...this.#attached]) {
      if (wanted.has(key)) continue;
      this.#attached.delete(key);
      await dns.detach(key);
    }
  }

  async #attach(runtime: Runtime, dns: DnsProcess, key: string, log: Logger): Promise<void> {
    if (runtime.listenInSpace === undefined) return;
    try {
      const sockets = await runtime.listenInSpace(key === DEFAULT_NETWORK_DNS_KEY ? null : key, { vip: 'dns', port: 53, udp: true, tcp: true });
      if (sockets.udp === undefined) throw new Error('the runtime returned no UDP socket');
      await dns.attach(key, sockets.udp, sockets.tcp);
      this.#attached.add(key);
      this.#failing.delete(key);
    } catch (error) {
      if (!this.#failing.has(key)) log.error(`Could not serve DNS in ${key === DEFAULT_NETWORK_DNS_KEY ? 'the default network' : `space ${key}`}`, error);
      this.#failing.add(key);
    }
  }
}
