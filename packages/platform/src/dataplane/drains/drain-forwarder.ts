/**
 * The drain forwarder: given the feed (which drains exist, which apps each carries) and the
 * stream of lines, hands each line to every drain of its app. Each drain buffers on its own,
 * so a dead or slow drain costs only its bounded buffer. Once a second it reports what drains
 * dropped (the control plane writes those as L10 lines into the apps' streams).
 */
import type { DrainDropReport, DrainFeed, DrainLine, DrainTarget } from './drain-feed.js';
import { HttpsDrain } from './https-drain.js';
import type { Drain, DrainOptions } from './buffered-drain.js';
import { SyslogDrain } from './syslog-drain.js';

export interface DrainForwarderOptions extends DrainOptions {
  readonly onDrop: (report: DrainDropReport) => void;
  /** How often drops are reported. @default 1000 */
  readonly reportIntervalMs?: number;
}

function createDrain(target: DrainTarget, options: DrainOptions): Drain {
  return target.url.startsWith('syslog') ? new SyslogDrain(target, options) : new HttpsDrain(target, options);
}

export class DrainForwarder {
  readonly #options: DrainForwarderOptions;
  readonly #drains = new Map<string, Drain>();
  #byApp = new Map<string, Drain[]>();
  readonly #reporter: NodeJS.Timeout;

  constructor(options: DrainForwarderOptions) {
    this.#options = options;
    this.#reporter = setInterval(() => this.#report(), options.reportIntervalMs ?? 1000);
    this.#reporter.unref();
  }

  /** Replaces the set of drains; drains whose URL did not change keep their connection and buffer. */
  update(feed: DrainFeed): void {
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
      if (drain === undefined) this.#drains.set(target.id, createDrain(target, this.#options));
      else drain.target = target;
    }
    const byApp = new Map<string, Drain[]>();
    for (const drain of this.#drains.values()) {
      for (const appId of Object.keys(drain.target.apps)) byApp.set(appId, [...(byApp.get(appId) ?? []), drain]);
    }
    this.#byApp = byApp;
  }

  push(lines: readonly DrainLine[]): void {
    for (const line of lines) for (const drain of this.#byApp.get(line.appId) ?? []) drain.push(line);
  }

  close(): void {
    clearInterval(this.#reporter);
    this.#report();
    for (const drain of this.#drains.values()) drain.close();
    this.#drains.clear();
    this.#byApp.clear();
  }

  #report(): void {
    for (const drain of this.#drains.values()) {
      for (const [appId, dropped] of drain.takeDropped()) {
        this.#options.onDrop({ drainId: drain.target.id, token: drain.target.token, appId, count: dropped.count, since: dropped.since });
      }
    }
  }
}
