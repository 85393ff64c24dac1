import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RouterMetrics } from './router-metrics.js';
const entry = (status, serviceMs) => ({ appId: 'a1', message: '', status, serviceMs, code: null, duplicateKey: null });
test('RouterMetrics counts requests by status class and into cumulative response-time buckets', () => {
    const metrics = new RouterMetrics();
    metrics.setNames(new Map([['a1', 'shop']]));
    for (const [status, ms] of [[200, 3], [201, 40], [404, 5], [503, 30_000], [499, 60_000]])
        metrics.record(entry(status, ms));
    const text = metrics.render();
    const value = (series) => Number(new RegExp(`^${series.replace(/[{}+."]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    assert.equal(value('cove_router_requests_total{app="shop",status="2xx"}'), 2);
    assert.equal(value('cove_router_requests_total{app="shop",status="4xx"}'), 2);
    assert.equal(value('cove_router_requests_total{app="shop",status="5xx"}'), 1);
    assert.equal(value('cove_router_request_duration_seconds_bucket{app="shop",le="0.005"}'), 2, '3 ms and 5 ms');
    assert.equal(value('cove_router_request_duration_seconds_bucket{app="shop",le="0.05"}'), 3);
    assert.equal(value('cove_router_request_duration_seconds_bucket{app="shop",le="30"}'), 4, 'a bucket counts every request up to its bound');
    assert.equal(value('cove_router_request_duration_seconds_bucket{app="shop",le="+Inf"}'), 5);
    assert.equal(value('cove_router_request_duration_seconds_count{app="shop"}'), 5);
    assert.equal(value('cove_router_request_duration_seconds_sum{app="shop"}'), 90.048);
});
//# sourceMappingURL=router-metrics.test.js.map