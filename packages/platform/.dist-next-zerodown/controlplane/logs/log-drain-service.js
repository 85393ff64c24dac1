/**
 * Connects the store's log stream to the drain forwarder process. Every appended line of an
 * app that has a drain is queued and sent to the child in one IPC message per tick; the API's
 * event loop never touches a drain's network. The child runs only while some drain exists,
 * is restarted if it dies, and its drop reports become L10 lines in the apps' own streams.
 * Local lines never depend on a drain: they are in the store before a drain sees them.
 */
import { DrainProcess } from '../../dataplane/drains/drain-process.js';
import { formatLogTime } from '../../shared/log-line-format.js';
import { buildDrainFeed } from '../feeds/drain-feed-builder.js';
/** The L10 line Heroku writes when a drain's buffer overflows. */
export function l10Message(token, count, since) {
    return `Error L10 (output buffer overflow): ${token === null ? '' : `drain '${token}' `}dropped ${count} messages since ${formatLogTime(since)}.`;
}
export class LogDrainService {
    #store;
    #options;
    #process = null;
    #starting = null;
    #feed = [];
    #feedJson = '[]';
    #appIds = new Set();
    #pending = [];
    #pendingDropped = new Map();
    #flushScheduled = false;
    #refreshScheduled = false;
    #unsubscribe = [];
    #closed = false;
    constructor(store, options) {
        this.#store = store;
        this.#options = options;
    }
    /** The forwarder child's pid while it runs (none while no drain exists). */
    get pid() {
        return this.#process?.pid;
    }
    start() {
        this.#unsubscribe.push(this.#store.onChange(() => this.#scheduleRefresh()), this.#store.onLog((line) => this.#onLine(line)));
        this.#refresh();
    }
    async close() {
        this.#closed = true;
        for (const off of this.#unsubscribe)
            off();
        await this.#starting?.catch(() => { });
        await this.#process?.close();
        this.#process = null;
    }
    #scheduleRefresh() {
        if (this.#refreshScheduled || this.#closed)
            return;
        this.#refreshScheduled = true;
        setImmediate(() => {
            this.#refreshScheduled = false;
            this.#refresh();
        });
    }
    #refresh() {
        if (this.#closed)
            return;
        let feed;
        try {
            feed = buildDrainFeed(this.#store.logDrains.all(), this.#store.apps.list());
        }
        catch (error) {
            this.#options.log.error('Could not read the log drains', error);
            return;
        }
        const json = JSON.stringify(feed);
        if (json === this.#feedJson && (feed.length === 0 || this.#process !== null || this.#starting !== null))
            return;
        this.#feed = feed;
        this.#feedJson = json;
        this.#appIds = new Set(feed.flatMap((t) => Object.keys(t.apps)));
        if (feed.length === 0) {
            const running = this.#process;
            this.#process = null;
            void running?.close();
            return;
        }
        if (this.#process !== null)
            this.#process.update(feed);
        else
            this.#startProcess();
    }
    #startProcess() {
        if (this.#starting !== null || this.#closed)
            return;
        const child = new DrainProcess({
            capacity: this.#options.capacity,
            ca: this.#options.ca,
            onDrop: (report) => this.#onDrop(report),
            // DrainProcess restarts its child with back-off and the last feed; lines wait here meanwhile.
            onExit: (code, signal) => this.#options.log.error('Drain process exited; restarting it', new Error(`code ${code}, signal ${signal}`)),
            onRestart: () => this.#flush(),
            ...(this.#options.entry === undefined ? {} : { entry: this.#options.entry }),
        });
        this.#starting = child.start().then(() => {
            this.#starting = null;
            this.#process = child; // close() awaits #starting, then closes it
            if (this.#closed)
                return;
            child.update(this.#feed);
            this.#flush();
        }, (error) => {
            this.#starting = null;
            this.#options.log.error('Could not start the drain process', error);
        });
    }
    #onLine(line) {
        if (!this.#appIds.has(line.appId))
            return;
        const max = this.#options.maxPendingLines ?? 10_000;
        if (this.#pending.length >= max) {
            const dropped = this.#pending.shift();
            if (dropped !== undefined) {
                const entry = this.#pendingDropped.get(dropped.appId);
                if (entry === undefined)
                    this.#pendingDropped.set(dropped.appId, { count: 1, since: new Date().toISOString() });
                else
                    entry.count++;
            }
        }
        this.#pending.push({ appId: line.appId, time: line.time, source: line.source, dyno: line.dyno, message: line.message });
        if (!this.#flushScheduled) {
            this.#flushScheduled = true;
            setImmediate(() => {
                this.#flushScheduled = false;
                this.#flush();
            });
        }
    }
    #flush() {
        const child = this.#process;
        if (child === null || !child.running || this.#pending.length === 0)
            return;
        if (child.busy) {
            // The child is behind: try again shortly; #pending stays bounded meanwhile.
            if (!this.#flushScheduled) {
                this.#flushScheduled = true;
                setTimeout(() => {
                    this.#flushScheduled = false;
                    this.#flush();
                }, 20);
            }
            return;
        }
        child.push(this.#pending);
        this.#pending = [];
        const dropped = this.#pendingDropped;
        this.#pendingDropped = new Map();
        for (const [appId, d] of dropped)
            this.#appendL10(appId, null, d.count, d.since);
    }
    #onDrop(report) {
        this.#appendL10(report.appId, report.token, report.count, report.since);
    }
    #appendL10(appId, token, count, since) {
        if (this.#closed || this.#store.apps.byId(appId) === undefined)
            return;
        try {
            this.#store.appendLog({ appId, time: new Date().toISOString(), source: 'heroku', dyno: 'logplex', message: l10Message(token, count, since) });
        }
        catch (error) {
            this.#options.log.error('Could not store an L10 line', error);
        }
    }
}
//# sourceMappingURL=log-drain-service.js.map