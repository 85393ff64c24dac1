import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LogLineRecord } from '../store/records.js';
import { routerStats } from './router-stats.js';

const T0 = Date.parse('2026-12-04T06:00:00.000Z');

function line(offsetMs: number, message: string, dyno = 'router', source = 'heroku'): LogLineRecord {
  return { seq: 0, appId: 'a', time: new Date(T0 + offsetMs).toISOString(), source, dyno, message };
}

test('router lines become requests per step by status class, with nearest-rank p50/p95 of service time', () => {
  const lines = [
    ...Array.from({ length: 20 }, (_, i) => line(1000 + i, `at=info method=GET path="/" host=x dyno=web.1 connect=0ms service=${i + 1}ms status=200 bytes=1 protocol=http`)),
    line(2000, 'at=error code=H12 desc="Request timeout" method=GET path="/slow" host=x dyno=web.1 connect=0ms service=30000ms status=503 bytes=0 protocol=http'),
    line(3000, 'at=info method=GET path="/x" host=x dyno=web.1 connect=0ms service=5ms status=404 bytes=1 protocol=http'),
    line(31_000, 'at=info method=POST path="/y" host=x dyno=web.2 connect=0ms service=7ms status=302 bytes=1 protocol=http'),
    // Not router lines, or outside the window: ignored.
    line(1000, 'status=200 service=1ms', 'web.1', 'app'),
    line(-10 * 60_000, 'at=info service=1ms status=200'),
  ];
  const stats = routerStats(lines, { now: T0 + 59_000, windowMs: 60_000, stepMs: 30_000 });
  assert.equal(stats.step_seconds, 30);
  assert.deepEqual(stats.points.map((p) => p.time), ['2026-12-04T06:00:00.000Z', '2026-12-04T06:00:30.000Z']);
  const [first, second] = stats.points;
  assert.equal(first?.requests, 22);
  assert.deepEqual(first?.by_class, { '2xx': 20, '3xx': 0, '4xx': 1, '5xx': 1, other: 0 });
  // 22 service times: 1..20, 5, 30000 → sorted, rank ceil(0.5·22)=11 → 10; rank ceil(0.95·22)=21 → 20.
  assert.equal(first?.p50_ms, 10);
  assert.equal(first?.p95_ms, 20);
  assert.equal(second?.requests, 1);
  assert.deepEqual(second?.by_class, { '2xx': 0, '3xx': 1, '4xx': 0, '5xx': 0, other: 0 });
  assert.equal(second?.p50_ms, 7);
  const empty = routerStats([], { now: T0, windowMs: 60_000, stepMs: 30_000 });
  assert.ok(empty.points.every((p) => p.requests === 0 && p.p50_ms === null && p.p95_ms === null));
});
