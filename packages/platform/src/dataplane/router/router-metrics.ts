/**
 * Per-app request metrics from the router's request log, in Prometheus' text format: requests
 * by status class and a response-time histogram (its buckets give the percentiles, e.g.
 * `histogram_quantile(0.99, rate(cove_router_request_duration_seconds_bucket[5m]))`).
 *
 * HAProxy 2.6 keeps no histogram, so each line's service time counts here; its status class
 * comes with it at the cost of one increment. (HAProxy's own per-backend counters start again
 * with every new process and count the status HAProxy saw, not the one Heroku reports: 504 for
 * an H12, nothing for an H27's 499.)
 */
import type { RouterLogEntry } from './router-log.js';

/** Upper bounds of the response-time buckets, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

const STATUS_CLASSES = ['0xx', '1xx', '2xx', '3xx', '4xx', '5xx'] as const;

interface AppMetrics {
  /** Requests by `STATUS_CLASSES` index; other statuses by class name. */
  readonly byClass: number[];
  readonly otherClasses: Map<string, number>;
  /** Requests per bucket (not cumulative: `render` adds them up). */
  readonly buckets: number[];
  count: number;
  sumSeconds: number;
}

export class RouterMetrics {
  readonly #apps = new Map<string, AppMetrics>();
  readonly #names = new Map<string, string>();

  /** App id → name, for the `app` label (unknown ids are labelled by id). */
  setNames(names: ReadonlyMap<string, string>): void {
    this.#names.clear();
    for (const [id, name] of names) this.#names.set(id, name);
  }

  record(entry: RouterLogEntry): void {
    let m = this.#apps.get(entry.appId);
    if (m === undefined) {
      m = { byClass: STATUS_CLASSES.map(() => 0), otherClasses: new Map(), buckets: BUCKETS.map(() => 0), count: 0, sumSeconds: 0 };
      this.#apps.set(entry.appId, m);
    }
    // This runs for every request the router serves: no closure, no string built.
    const cls = Math.floor(entry.status / 100);
    if (cls >= 0 && cls < STATUS_CLASSES.length) m.byClass[cls] = (m.byClass[cls] as number) + 1;
    else m.otherClasses.set(`${cls}xx`, (m.otherClasses.get(`${cls}xx`) ?? 0) + 1);
    const seconds = entry.serviceMs / 1000;
    let i = 0;
    while (i < BUCKETS.length && seconds > (BUCKETS[i] as number)) i++;
    if (i < BUCKETS.length) m.buckets[i] = (m.buckets[i] as number) + 1;
    m.count++;
    m.sumSeconds += seconds;
  }

  /** The Prometheus exposition text. */
  render(): string {
    const out = [
      '# HELP cove_router_requests_total Requests routed to an app, by status class.',
      '# TYPE cove_router_requests_total counter',
    ];
    const label = (id: string): string => `app="${(this.#names.get(id) ?? id).replace(/["\\\n]/g, '_')}"`;
    for (const [id, m] of this.#apps) {
      const classes = [...STATUS_CLASSES.flatMap((cls, i) => (m.byClass[i] === 0 ? [] : [[cls, m.byClass[i] as number] as const])), ...m.otherClasses];
      for (const [cls, n] of classes.sort()) out.push(`cove_router_requests_total{${label(id)},status="${cls}"} ${n}`);
    }
    out.push(
      '# HELP cove_router_request_duration_seconds Time the app took to answer (service time).',
      '# TYPE cove_router_request_duration_seconds histogram',
    );
    for (const [id, m] of this.#apps) {
      let below = 0;
      BUCKETS.forEach((le, i) => out.push(`cove_router_request_duration_seconds_bucket{${label(id)},le="${le}"} ${(below += m.buckets[i] ?? 0)}`));
      out.push(`cove_router_request_duration_seconds_bucket{${label(id)},le="+Inf"} ${m.count}`);
      out.push(`cove_router_request_duration_seconds_sum{${label(id)}} ${m.sumSeconds}`);
      out.push(`cove_router_request_duration_seconds_count{${label(id)}} ${m.count}`);
    }
    return out.join('\n') + '\n';
  }
}
