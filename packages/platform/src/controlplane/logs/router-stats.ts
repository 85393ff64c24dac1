/**
 * Request rate, status classes and p50/p95 service time of an app, per time step, from the
 * router's lines in the app's log buffer (`heroku[router]: at=info … service=39ms status=200 …`),
 * for the dashboard's charts. The buffer holds the app's newest LOG_LINES_PER_APP lines, so a
 * busy app's older steps may be cut short.
 */
import type { RouterStats } from '@cove/schema';
import type { LogLineRecord } from '../store/records.js';

const STATUS = /(?:^| )status=(\d{3})(?: |$)/;
const SERVICE = /(?:^| )service=(\d+)ms(?: |$)/;

type Point = RouterStats['points'][number];

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? null;
}

export function routerStats(lines: readonly LogLineRecord[], options: { now: number; windowMs: number; stepMs: number }): RouterStats {
  const steps = Math.ceil(options.windowMs / options.stepMs);
  const end = Math.floor(options.now / options.stepMs) * options.stepMs + options.stepMs;
  const start = end - steps * options.stepMs;
  const buckets = Array.from({ length: steps }, () => ({ classes: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 }, services: [] as number[] }));
  for (const line of lines) {
    if (line.source !== 'heroku' || line.dyno !== 'router') continue;
    const time = Date.parse(line.time);
    if (!(time >= start && time < end)) continue;
    const status = STATUS.exec(line.message)?.[1];
    if (status === undefined) continue;
    const bucket = buckets[Math.floor((time - start) / options.stepMs)];
    if (bucket === undefined) continue;
    const cls = `${status[0]}xx`;
    if (cls === '2xx' || cls === '3xx' || cls === '4xx' || cls === '5xx') bucket.classes[cls] += 1;
    else bucket.classes.other += 1;
    const service = SERVICE.exec(line.message)?.[1];
    if (service !== undefined) bucket.services.push(Number(service));
  }
  const points: Point[] = buckets.map((b, i) => {
    const sorted = [...b.services].sort((x, y) => x - y);
    const requests = b.classes['2xx'] + b.classes['3xx'] + b.classes['4xx'] + b.classes['5xx'] + b.classes.other;
    return { time: new Date(start + i * options.stepMs).toISOString(), requests, by_class: b.classes, p50_ms: percentile(sorted, 0.5), p95_ms: percentile(sorted, 0.95) };
  });
  return { step_seconds: options.stepMs / 1000, points };
}
