import { DnsProcess } from '../../dataplane/dns/dns-process.js';
import { addDnsAddresses } from './dns-addresses.js';
/** The DNS server's key for the shared default network; no space has this id. */
export const DEFAULT_NETWORK_DNS_KEY = 'default-network';
export class LinuxDnsPlane {
    #options;
    #dns = null;
    /** Space ids (or DEFAULT_NETWORK_DNS_KEY) whose sockets the child holds. */
    #attached = new Set();
    /** Keys whose last attach failed (logged once, retried on the next update). */
    #failing = new Set();
    #lastSent = '';
    #lastFeed = null;
    #closed = false;
    /** Updates run one at a time (a restarted child is brought up to date through the same path). */
    #queue = Promise.resolve();
    constructor(options) {
        this.#options = options;
    }
    async start() {
        this.#closed = false;
        const log = this.#options.log;
        const dns = new DnsProcess({
            log,
            ...(this.#options.entry === undefined ? {} : { entry: this.#options.entry }),
            // The child restarts itself with back-off; its sockets died with it, so attach every
            // space again once it is back (it already answers from the last feed).
            // The restarted child already answers from the last feed (DnsProcess replays it).
            onExit: () => {
                this.#attached.clear();
            },
            onRestart: () => {
                if (this.#closed || this.#lastFeed === null)
                    return;
                this.update(this.#lastFeed).catch((error) => log.error('DNS feed update failed', error));
            },
        });
        this.#dns = dns;
        await dns.start();
    }
    update(feed) {
        this.#lastFeed = feed;
        const run = this.#queue.then(() => this.#apply(feed));
        this.#queue = run.catch(() => undefined);
        return run;
    }
    async close() {
        this.#closed = true;
        await this.#queue;
        await this.#dns?.close();
        this.#dns = null;
        this.#attached.clear();
    }
    async #apply(feed) {
        const dns = this.#dns;
        if (dns === null || dns.pid === undefined)
            return;
        const served = addDnsAddresses(feed, this.#options.networkOf);
        const text = JSON.stringify(served);
        if (text !== this.#lastSent) {
            await dns.update(served);
            this.#lastSent = text;
        }
        const placed = new Set(served.spaces.map((s) => s.spaceId));
        const wanted = new Set(feed.spaces.filter((s) => s.allocated && placed.has(s.spaceId)).map((s) => s.spaceId));
        if (feed.defaultNetwork === true)
            wanted.add(DEFAULT_NETWORK_DNS_KEY);
        for (const key of wanted) {
            if (!this.#attached.has(key))
                await this.#attach(dns, key);
        }
        for (const key of [...this.#attached]) {
            if (wanted.has(key))
                continue;
            this.#attached.delete(key);
            await dns.detach(key);
        }
    }
    async #attach(dns, key) {
        let sockets;
        try {
            sockets = await this.#options.listenInSpace(key === DEFAULT_NETWORK_DNS_KEY ? null : key, { vip: 'dns', port: 53, udp: true, tcp: true });
            if (sockets.udp === undefined)
                throw new Error('the runtime returned no UDP socket');
            await dns.attach(key, sockets.udp, sockets.tcp);
            this.#attached.add(key);
            this.#failing.delete(key);
        }
        catch (error) {
            // Not handed over (the child died meanwhile, say): keeping them would hold the space's
            // DNS address, and every later attach would fail with EADDRINUSE.
            sockets?.udp?.close();
            sockets?.tcp?.close();
            if (!this.#failing.has(key))
                this.#options.log.error(`Could not serve DNS in ${key === DEFAULT_NETWORK_DNS_KEY ? 'the default network' : `space ${key}`}`, error);
            this.#failing.add(key);
        }
    }
}
//# sourceMappingURL=dns-plane.js.map