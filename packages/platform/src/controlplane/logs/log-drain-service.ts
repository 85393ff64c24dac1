/**
 * Connects the store's log stream to the drain forwarder process. Every appended line of an
 * app that has a drain is queued and sent to the child in one message per tick; the API's
 * event loop never touches a drain's network. The child runs only while some drain exists,
 * is restarted if it dies, and its drop reports become L10 lines in the apps' own streams.
 * A server stop leaves it delivering (`close({ keepRunning: true })`); the next server adopts it.
 * Local lines never depend on a drain: they are in the store before a drain sees them.
 */
import { DrainProcess, stopLeftoverDrains } from '../../dataplane/drains/drain-process.js';
import type { DrainDropReport, DrainFeed, DrainLine } from '../../dataplane/drains/drain-feed.js';
import { formatLogTime } from '../../shared/log-line-format.js';
import type { Logger } from '../../shared/log.js';
import { buildDrainFeed } from '../feeds/drain-feed-builder.js';
import type { LogLineRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

export interface LogDrainServiceOptions {
  /** Lines each drain buffers while it cannot deliver. */
  readonly capacity: number;
  /** Extra trusted CAs (PEM) for TLS drains: Cove's local CA. */
  readonly ca: readonly string[];
  readonly log: Logger;
  /** The forwarder's directory (control socket, pidfile, log), e.g. `<data dir>/drains`. */
  readonly dir: string;
  /** Lines held here while the IPC channel is backed up; older ones are dropped (L10). @default 10_000 */
  readonly maxPendingLines?: number;
  /** The child's entry point (tests). */
  readonly entry?: string;
}

/** The L10 line Heroku writes when a drain's buffer overflows. */
export function l10Message(token: string | null, count: number, since: string): string {
  return `Error L10 (output buffer overflow): ${token === null ? '' : `drain '${token}' `}dropped ${count} messages since ${formatLogTime(since)}.`;
}

export class LogDrainService {
  readonly #store: Store;
  readonly #options: LogDrainServiceOptions;
  #process: DrainProcess | null = null;
  #starting: Promise<void> | null = null;
  #feed: DrainFeed = [];
  #feedJson = '[]';
  #appIds = new Set<string>();
  #pending: DrainLine[] = [];
  #pendingDropped = new Map<string, { count: number; since: string }>();
  #flushScheduled = false;
  #refreshScheduled = false;
  #unsubscribe: (() => void)[] = [];
  #closed = false;

  constructor(store: Store, options: LogDrainServiceOptions) {
    this.#store = store;
    this.#options = options;
  }

  /** The forwarder child's pid while it runs (none while no drain exists). */
  get pid(): number | undefined {
    return this.#process?.pid;
  }

  start(): void {
    this.#unsubscribe.push(
      this.#store.onChange(() => this.#scheduleRefresh()),
      this.#store.onLog((line) => this.#onLine(line)),
    );
    this.#refresh();
  }

  /**
   * Stops feeding the forwarder and stops it — or, with `keepRunning` (a server stop), hands it
   * every line still queued here and leaves it delivering for the next server to adopt.
   */
  async close(options: { readonly keepRunning?: boolean } = {}): Promise<void> {
    this.#closed = true;
    for (const off of this.#unsubscribe) off();
    await this.#starting?.catch(() => {});
    const child = this.#process;
    this.#process = null;
    if (child !== null && options.keepRunning === true && child.running && this.#pending.length > 0) child.push(this.#pending.splice(0));
    await child?.close(options);
  }

  #scheduleRefresh(): void {
    if (this.#refreshScheduled || this.#closed) return;
    this.#refreshScheduled = true;
    setImmediate(() => {
      this.#refreshScheduled = false;
      this.#refresh();
    });
  }

  #refresh(): void {
    if (this.#closed) return;
    let feed: DrainFeed;
    try {
      feed = buildDrainFeed(this.#store.logDrains.all(), this.#store.apps.list());
    } catch (error) {
      this.#options.log.error('Could not read the log drains', error);
      return;
    }
    const json = JSON.stringify(feed);
    if (json === this.#feedJson && (feed.length === 0 || this.#process !== null || this.#starting !== null)) return;
    this.#feed = feed;
    this.#feedJson = json;
    this.#appIds = new Set(feed.flatMap((t) => Object.keys(t.apps)));
    if (feed.length === 0) {
      const running = this.#process;
      this.#process = null;
      if (running !== null) void running.close();
      // No drain: a forwarder an earlier server left running has nothing left to do.
      else if (this.#starting === null) void stopLeftoverDrains(this.#options.dir).catch((error: unknown) => this.#options.log.error('Could not stop the leftover drain process', error));
      return;
    }
    if (this.#process !== null) this.#process.update(feed);
    else this.#startProcess();
  }

  #startProcess(): void {
    if (this.#starting !== null || this.#closed) return;
    const child = new DrainProcess({
      dir: this.#options.dir,
      onInfo: (message, fields) => this.#options.log.info(message, fields),
      capacity: this.#options.capacity,
      ca: this.#options.ca,
      onDrop: (report) => this.#onDrop(report),
      // DrainProcess restarts its child with back-off and the last feed; lines wait here meanwhile.
      onExit: (code, signal) => this.#options.log.error('Drain process exited; restarting it', new Error(`code ${code}, signal ${signal}`)),
      onRestart: () => this.#flush(),
      ...(this.#options.entry === undefined ? {} : { entry: this.#options.entry }),
    });
    this.#starting = child.start().then(
      () => {
        this.#starting = null;
        this.#process = child; // close() awaits #starting, then closes it
        if (this.#closed) return;
        child.update(this.#feed);
        this.#flush();
      },
      (error: unknown) => {
        this.#starting = null;
        this.#options.log.error('Could not start the drain process', error);
      },
    );
  }

  #onLine(line: LogLineRecord): void {
    if (!this.#appIds.has(line.appId)) return;
    const max = this.#options.maxPendingLines ?? 10_000;
    if (this.#pending.length >= max) {
      const dropped = this.#pending.shift();
      if (dropped !== undefined) {
        const entry = this.#pendingDropped.get(dropped.appId);
        if (entry === undefined) this.#pendingDropped.set(dropped.appId, { count: 1, since: new Date().toISOString() });
        else entry.count++;
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

  #flush(): void {
    const child = this.#process;
    if (child === null || !child.running || this.#pending.length === 0) return;
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
    for (const [appId, d] of dropped) this.#appendL10(appId, null, d.count, d.since);
  }

  #onDrop(report: DrainDropReport): void {
    this.#appendL10(report.appId, report.token, report.count, report.since);
  }

  #appendL10(appId: string, token: string | null, count: number, since: string): void {
    if (this.#closed || this.#store.apps.byId(appId) === undefined) return;
    try {
      this.#store.appendLog({ appId, time: new Date().toISOString(), source: 'heroku', dyno: 'logplex', message: l10Message(token, count, since) });
    } catch (error) {
      this.#options.log.error('Could not store an L10 line', error);
    }
  }
}
