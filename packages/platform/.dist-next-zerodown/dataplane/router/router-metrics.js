/** Upper bounds of the response-time buckets, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const STATUS_CLASSES = ['0xx', '1xx', '2xx', '3xx', '4xx', '5xx'];
export class RouterMetrics {
    #apps = new Map();
    #names = new Map();
    /** App id → name, for the `app` label (unknown ids are labelled by id). */
    setNames(names) {
        this.#names.clear();
        for (const [id, name] of names)
            this.#names.set(id, name);
    }
    record(entry) {
        let m = this.#apps.get(entry.appId);
        if (m === undefined) {
            m = { byClass: new Map(), buckets: BUCKETS.map(() => 0), count: 0, sumSeconds: 0 };
            this.#apps.set(entry.appId, m);
        }
        // This runs for every request the router serves: no closure, no string built.
        const cls = STATUS_CLASSES[Math.floor(entry.status / 100)] ?? `${Math.floor(entry.status / 100)}xx`;
        m.byClass.set(cls, (m.byClass.get(cls) ?? 0) + 1);
        const seconds = entry.serviceMs / 1000;
        for (let i = BUCKETS.length - 1; i >= 0 && seconds <= BUCKETS[i]; i--)
            m.buckets[i] = (m.buckets[i] ?? 0) + 1;
        m.count++;
        m.sumSeconds += seconds;
    }
    /** The Prometheus exposition text. */
    render() {
        const out = [
            '# HELP cove_router_requests_total Requests routed to an app, by status class.',
            '# TYPE cove_router_requests_total counter',
        ];
        const label = (id) => `app="${(this.#names.get(id) ?? id).replace(/["\\\n]/g, '_')}"`;
        for (const [id, m] of this.#apps) {
            for (const [cls, n] of [...m.byClass].sort())
                out.push(`cove_router_requests_total{${label(id)},status="${cls}"} ${n}`);
        }
        out.push('# HELP cove_router_request_duration_seconds Time the app took to answer (service time).', '# TYPE cove_router_request_duration_seconds histogram');
        for (const [id, m] of this.#apps) {
            BUCKETS.forEach((le, i) => out.push(`cove_router_request_duration_seconds_bucket{${label(id)},le="${le}"} ${m.buckets[i] ?? 0}`));
            out.push(`cove_router_request_duration_seconds_bucket{${label(id)},le="+Inf"} ${m.count}`);
            out.push(`cove_router_request_duration_seconds_sum{${label(id)}} ${m.sumSeconds}`);
            out.push(`cove_router_request_duration_seconds_count{${label(id)}} ${m.count}`);
        }
        return out.join('\n') + '\n';
    }
}
//# sourceMappingURL=router-metrics.js.map