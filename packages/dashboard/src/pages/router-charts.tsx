/**
 * The app's router metrics as two small SVG charts (no chart library): requests per step stacked
 * by status class, and p50/p95 service time. Polls every 5 s.
 */
import type { RouterStats } from '@cove/schema';
import { seg } from '@cove/api-client';
import { api } from '../session.js';
import { useApi } from '../use-api.js';
import { ErrorBanner, Section } from '../ui.js';

const WIDTH = 600;
const HEIGHT = 120;
const CLASSES = [
  ['2xx', '#2e7d32'],
  ['3xx', '#1565c0'],
  ['4xx', '#b26a00'],
  ['5xx', '#c62828'],
  ['other', '#6b7280'],
] as const;

function RequestsChart({ stats }: { stats: RouterStats }) {
  const max = Math.max(1, ...stats.points.map((p) => p.requests));
  const w = WIDTH / stats.points.length;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="chart" role="img" aria-label={`Requests per ${stats.step_seconds} s by status class, at most ${max}`}>
      {stats.points.map((p, i) => {
        let y = HEIGHT;
        return CLASSES.map(([cls, color]) => {
          const h = (p.by_class[cls] / max) * (HEIGHT - 4);
          y -= h;
          return h > 0 ? <rect key={`${i}-${cls}`} x={i * w + 1} y={y} width={Math.max(1, w - 2)} height={h} fill={color} /> : null;
        });
      })}
    </svg>
  );
}

function LatencyChart({ stats }: { stats: RouterStats }) {
  const max = Math.max(1, ...stats.points.map((p) => p.p95_ms ?? 0));
  const w = WIDTH / stats.points.length;
  const line = (key: 'p50_ms' | 'p95_ms') =>
    stats.points
      .map((p, i) => (p[key] === null ? null : `${i * w + w / 2},${HEIGHT - ((p[key] ?? 0) / max) * (HEIGHT - 4)}`))
      .filter((xy): xy is string => xy !== null)
      .join(' ');
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="chart" role="img" aria-label={`p50 and p95 service time per ${stats.step_seconds} s, at most ${max} ms`}>
      {(['p95_ms', 'p50_ms'] as const).map((key) => {
        const color = key === 'p95_ms' ? '#c62828' : '#1565c0';
        return (
          <g key={key}>
            <polyline points={line(key)} fill="none" stroke={color} stroke-width="2" />
            {stats.points.map((p, i) =>
              p[key] === null ? null : <circle key={i} cx={i * w + w / 2} cy={HEIGHT - ((p[key] ?? 0) / max) * (HEIGHT - 4)} r="3" fill={color} />,
            )}
          </g>
        );
      })}
    </svg>
  );
}

export function RouterCharts({ app }: { app: string }) {
  const stats = useApi(() => api.get<RouterStats>(`/apps/${seg(app)}/router-stats`), [app], 5000);
  const data = stats.data;
  const total = data?.points.reduce((n, p) => n + p.requests, 0) ?? 0;
  const latest = data === undefined ? undefined : [...data.points].reverse().find((p) => p.p95_ms !== null);
  return (
    <Section title="Router metrics">
      <ErrorBanner message={stats.error} />
      {data !== undefined && (
        <>
          <p>
            <span data-testid="router-total">{total}</span> requests in the last {Math.round((data.points.length * data.step_seconds) / 60)} minutes
            {latest !== undefined && (
              <>
                {' '}
                · latest p50 {latest.p50_ms} ms, p95 {latest.p95_ms} ms
              </>
            )}
          </p>
          <figure>
            <RequestsChart stats={data} />
            <figcaption class="legend">
              Requests per {data.step_seconds} s:{' '}
              {CLASSES.map(([cls, color]) => (
                <span key={cls}>
                  <span class="swatch" style={{ background: color }} /> {cls}{' '}
                </span>
              ))}
            </figcaption>
          </figure>
          <figure>
            <LatencyChart stats={data} />
            <figcaption class="legend">
              Service time: <span class="swatch" style={{ background: '#1565c0' }} /> p50 <span class="swatch" style={{ background: '#c62828' }} /> p95
            </figcaption>
          </figure>
        </>
      )}
    </Section>
  );
}
