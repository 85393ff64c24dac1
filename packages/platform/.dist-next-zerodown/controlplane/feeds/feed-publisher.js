import { SerialTrigger } from '../../shared/serial-trigger.js';
import { buildDnsFeed } from './dns-feed-builder.js';
import { buildRouteFeed } from './route-feed-builder.js';
/** How long a routed dyno may drain before the reconciler stops it anyway (Heroku: 30 s). */
export const ROUTER_DRAIN_TIMEOUT_MS = 30_000;
export class FeedPublisher {
    #store;
    #options;
    #router;
    #dns;
    #timers = [];
    #unsubscribe = [];
    #lastRouterError = '';
    constructor(store, dataPlane, options) {
        this.#store = store;
        this.#options = options;
        const router = dataPlane.router;
        const dns = dataPlane.dns;
        this.#router = router === undefined ? null : new SerialTrigger(() => this.#publishRoutes(router));
        this.#dns = dns === undefined ? null : new SerialTrigger(() => this.#publishDns(dns).catch((error) => options.log.error('DNS feed update failed', error)));
    }
    /** Publishes both feeds once (resolves when applied), then follows the store. */
    async start() {
        if (this.#router === null && this.#dns === null)
            return;
        await this.sync();
        const all = () => this.trigger();
        // Desired changes (the API) and observed ones (a dyno up or down, recorded by a reconciler).
        this.#unsubscribe.push(this.#store.onChange(all), this.#store.onObserved(all));
        this.#every(this.#options.routerPollMs ?? 250, this.#router);
        this.#every(this.#options.dnsPollMs ?? 2000, this.#dns);
    }
    /** Publishes soon; publications of one feed never overlap, and a request during one runs another. */
    trigger() {
        this.#router?.trigger();
        this.#dns?.trigger();
    }
    /** Publishes both feeds from the store as it is now; resolves when applied. */
    async sync() {
        this.trigger();
        await Promise.all([this.#router?.idle(), this.#dns?.idle()]);
    }
    async close() {
        for (const off of this.#unsubscribe.splice(0))
            off();
        for (const timer of this.#timers.splice(0))
            clearInterval(timer);
        await Promise.all([this.#router?.close(), this.#dns?.close()]);
    }
    #every(ms, trigger) {
        if (trigger === null)
            return;
        const timer = setInterval(() => trigger.trigger(), ms);
        timer.unref();
        this.#timers.push(timer);
    }
    async #publishRoutes(router) {
        const store = this.#store;
        try {
            const drains = store.dynos.drains();
            const feed = buildRouteFeed({
                spaces: store.spaces.list(),
                apps: store.apps.list(),
                dynos: store.dynos.list(),
                drains,
                domains: store.domains.list(),
                sniEndpoints: store.domains.allSniEndpoints(),
                appInboundRulesets: store.appRules.inboundRulesets(),
                appCallerLists: store.appRules.callerLists(),
                appAllowedCallers: store.appRules.allowedCallers(),
            }, { domain: this.#options.domain });
            await router.update(feed);
            this.#lastRouterError = '';
            let drained = false;
            for (const drain of drains) {
                if (drain.drainedAt !== null || router.routes(drain.dynoId))
                    continue;
                if (store.dynos.markDrained(drain.dynoId, new Date().toISOString()))
                    drained = true;
            }
            if (drained)
                store.changed();
        }
        catch (error) {
            const text = error instanceof Error ? error.message.replace(/\d+/g, '#') : String(error);
            if (text !== this.#lastRouterError)
                this.#options.log.error('Router did not converge', error);
            this.#lastRouterError = text;
        }
    }
    async #publishDns(dns) {
        const store = this.#store;
        const feed = buildDnsFeed({ spaces: store.spaces.list(), apps: store.apps.list(), dynos: store.dynos.list(), domains: store.domains.list() }, { domain: this.#options.domain });
        // Sent every time, changed or not: the plane skips what it already serves and retries
        // spaces it could not attach yet (a space's network appears without a change of the feed).
        await dns.update(feed);
    }
}
//# sourceMappingURL=feed-publisher.js.map