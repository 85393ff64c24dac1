import { HttpsDrain } from './https-drain.js';
import { SyslogDrain } from './syslog-drain.js';
function createDrain(target, options) {
    return target.url.startsWith('syslog') ? new SyslogDrain(target, options) : new HttpsDrain(target, options);
}
export class DrainForwarder {
    #options;
    #drains = new Map();
    #byApp = new Map();
    #reporter;
    constructor(options) {
        this.#options = options;
        this.#reporter = setInterval(() => this.#report(), options.reportIntervalMs ?? 1000);
        this.#reporter.unref();
    }
    /** Replaces the set of drains; drains whose URL did not change keep their connection and buffer. */
    update(feed) {
        const wanted = new Map(feed.map((t) => [t.id, t]));
        for (const [id, drain] of this.#drains) {
            const target = wanted.get(id);
            if (target === undefined || target.url !== drain.target.url) {
                drain.close();
                this.#drains.delete(id);
            }
        }
        for (const target of feed) {
            const drain = this.#drains.get(target.id);
            if (drain === undefined)
                this.#drains.set(target.id, createDrain(target, this.#options));
            else
                drain.target = target;
        }
        const byApp = new Map();
        for (const drain of this.#drains.values()) {
            for (const appId of Object.keys(drain.target.apps))
                byApp.set(appId, [...(byApp.get(appId) ?? []), drain]);
        }
        this.#byApp = byApp;
    }
    push(lines) {
        for (const line of lines)
            for (const drain of this.#byApp.get(line.appId) ?? [])
                drain.push(line);
    }
    close() {
        clearInterval(this.#reporter);
        this.#report();
        for (const drain of this.#drains.values())
            drain.close();
        this.#drains.clear();
        this.#byApp.clear();
    }
    #report() {
        for (const drain of this.#drains.values()) {
            for (const [appId, dropped] of drain.takeDropped()) {
                this.#options.onDrop({ drainId: drain.target.id, token: drain.target.token, appId, count: dropped.count, since: dropped.since });
            }
        }
    }
}
//# sourceMappingURL=drain-forwarder.js.map