/**
 * Per-app request metrics from the router's request log, in Prometheus' text format: requests
 * by status class and a response-time histogram (its buckets give the percentiles, e.g.
 * `histogram_quantile(0.99, rate(cove_router_request_duration_seconds_bucket[5m]))`).
 */
import type { RouterLogEntry } from './router-log.js';
export declare class RouterMetrics {
    #private;
    /** App id → name, for the `app` label (unknown ids are labelled by id). */
    setNames(names: ReadonlyMap<string, string>): void;
    record(entry: RouterLogEntry): void;
    /** The Prometheus exposition text. */
    render(): string;
}
