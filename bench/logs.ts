/**
 * Log drain benchmark: API latency while an app logs steadily, with no drain (the reference),
 * a live TCP syslog drain, a dead drain (connection refused) and a stalled drain (accepts,
 * never reads), each in the same run. Prints requests/s, p50/p99 and the ratio to the
 * reference (and, for the dead and stalled drains, to the live one: what a failing drain costs
 * beyond forwarding at all), plus bytes delivered to the live drain. Never asserted:
 *
 *   npx tsc -b && node bench/dist/logs.js [--seconds 5] [--clients 8] [--lines-per-second 5000]
 */
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, silentLogger, startPlatform } from '@cove/platform';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '8' },
    'lines-per-second': { type: 'string', default: '5000' },
  },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const LINES_PER_SECOND = Number(values['lines-per-second']);
const TOKEN = 'HRKU-bench-logs-0123456789abcdef';

type Scenario = 'no drain' | 'live drain' | 'dead drain' | 'stalled drain';

interface Result {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly delivered: number;
}

async function listen(server: net.Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as net.AddressInfo).port;
}

async function drainUrl(scenario: Scenario, cleanup: (() => void)[], counted: { bytes: number }): Promise<string | null> {
  if (scenario === 'no drain') return null;
  if (scenario === 'dead drain') {
    const server = net.createServer();
    const port = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return `syslog://127.0.0.1:${port}`;
  }
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    if (scenario === 'stalled drain') socket.pause();
    else socket.on('data', (d: Buffer) => (counted.bytes += d.length));
  });
  const port = await listen(server);
  cleanup.push(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  return `syslog://127.0.0.1:${port}`;
}

async function runScenario(scenario: Scenario): Promise<Result> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cove-bench-logs-'));
  const config = loadConfig(['--data-dir', dataDir, '--api', '127.0.0.1:0', '--runtime', 'none'], { COVE_ADMIN_TOKEN: TOKEN });
  const platform = await startPlatform(config, silentLogger, { memory: {} });
  const headers = { Authorization: `Bearer ${TOKEN}`, Accept: 'application/vnd.heroku+json; version=3', 'Content-Type': 'application/json' };
  const app = (await (await fetch(`${platform.apiUrl}/apps`, { method: 'POST', headers, body: JSON.stringify({ name: 'bench' }) })).json()) as { id: string };
  const cleanup: (() => void)[] = [];
  const counted = { bytes: 0 };
  const url = await drainUrl(scenario, cleanup, counted);
  if (url !== null) await fetch(`${platform.apiUrl}/apps/bench/log-drains`, { method: 'POST', headers, body: JSON.stringify({ url }) });

  const end = Date.now() + SECONDS * 1000;
  const message = `at=info method=GET path="/" status=200 ${'x'.repeat(120)}`;
  let appended = 0;
  const logger = setInterval(() => {
    const now = new Date().toISOString();
    for (let i = 0; i < LINES_PER_SECOND / 100; i++) platform.store.appendLog({ appId: app.id, time: now, source: 'heroku', dyno: 'router', message });
    appended += LINES_PER_SECOND / 100;
  }, 10);
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await (await fetch(`${platform.apiUrl}/apps/bench`, { headers })).arrayBuffer();
        latencies.push(performance.now() - t);
      }
    }),
  );
  clearInterval(logger);
  latencies.sort((a, b) => a - b);
  const delivered = Math.round((counted.bytes / Math.max(1, appended)) * 100) / 100;
  for (const c of cleanup) c();
  await platform.close();
  await rm(dataDir, { recursive: true, force: true });
  return {
    rps: latencies.length / SECONDS,
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    delivered,
  };
}

const scenarios: Scenario[] = ['no drain', 'live drain', 'dead drain', 'stalled drain'];
const results = new Map<Scenario, Result>();
await runScenario('no drain'); // warm-up (JIT, SQLite page cache), not reported
for (const s of scenarios) results.set(s, await runScenario(s));
const reference = results.get('no drain');
const live = results.get('live drain');
console.log(`API GET /apps/:app with ${CLIENTS} clients while the app logs ${LINES_PER_SECOND} lines/s, ${SECONDS} s each`);
for (const [name, r] of results) {
  const ratio = reference === undefined ? 1 : r.rps / reference.rps;
  console.log(
    `${name.padEnd(14)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  ` +
      `×${ratio.toFixed(2)} of no drain` +
      (name === 'live drain' ? `  (drain got ${r.delivered} bytes per line appended)` : '') +
      (name === 'dead drain' || name === 'stalled drain' ? `, ×${(r.rps / (live?.rps ?? r.rps)).toFixed(2)} of a live drain` : ''),
  );
}
