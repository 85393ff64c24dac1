/**
 * Router benchmark: Cove's router (HAProxy driven by HaproxyRouter, writing every request's
 * Heroku line, which Cove routes to the app's metrics and log buffer) against nginx (logging
 * every request too) and against calling the backend directly, with the same Node backend in a
 * dyno-like namespace behind a space-like router namespace, at 64 keep-alive connections (wrk).
 * Each run measures the three back to back; `--runs N` prints the median and range of each ratio
 * over N runs. Never asserts.
 * Runs inside its own `unshare --net --mount` sandbox (nothing leaves it); needs root, haproxy,
 * nginx and wrk (scripts/install-deps installs them):
 *
 *   npx tsc -b && node bench/dist/router.js [--runs 5] [--seconds 10] [--connections 64] [--workers 2]
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { appLogWriter, HaproxyRouter, loadConfig, routerLineSink, RouterMetrics, silentLogger, SqliteStore, type NamespacedRouteFeed } from '@cove/platform';

const run = promisify(execFile);

if (process.env['COVE_BENCH_SANDBOX'] !== '1') {
  if (process.getuid?.() !== 0) {
    console.error('bench/router: needs root (network namespaces)');
    process.exit(1);
  }
  const script = 'set -e; mount --make-rprivate /; mount -t tmpfs r /run; mkdir -p /run/netns /etc/netns; mount -t tmpfs e /etc/netns; ip link set lo up; exec "$@"';
  const r = spawnSync('unshare', ['--net', '--mount', '--propagation', 'private', 'sh', '-c', script, 'bench', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, COVE_BENCH_SANDBOX: '1' },
  });
  process.exit(r.status ?? 1);
}

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '64' }, workers: { type: 'string', default: '2' } },
});
const RUNS = Math.max(1, Number(values.runs));
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const WORKERS = Number(values.workers);
const BACKEND = '10.0.128.11';
const HOST = 'bench.apps.test';

const ip = (args: string): Promise<unknown> => run('ip', args.split(' '));
// A space router namespace with a dyno behind it, and a route from the host (for nginx and the
// direct run; Cove's router connects from inside the space namespace, as in production).
await ip('netns add bspace');
await ip('netns add bdyno');
await ip('link add bhost type veth peer name tr0 netns bspace');
await ip('addr add 100.64.0.1/30 dev bhost');
await ip('link set bhost up');
await ip('route add 10.0.128.0/20 via 100.64.0.2');
await ip('-n bspace link set lo up');
await ip('-n bspace addr add 100.64.0.2/30 dev tr0');
await ip('-n bspace link set tr0 up');
await ip('-n bspace route add default via 100.64.0.1');
await ip('-n bspace link add vb0 type veth peer name eth0 netns bdyno');
await ip('-n bspace addr add 10.0.128.1/20 dev vb0');
await ip('-n bspace link set vb0 up');
await ip('-n bdyno link set lo up');
await ip('-n bdyno addr add 10.0.128.11/20 dev eth0');
await ip('-n bdyno link set eth0 up');
await ip('-n bdyno route add default via 10.0.128.1');
await run('ip', ['netns', 'exec', 'bspace', 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);

const dir = await mkdtemp(join(tmpdir(), 'cove-bench-router-'));
const children: ChildProcess[] = [];

// The backend: a Node cluster answering a small body, the same for every contender.
const APP = `
const cluster = require('cluster'), http = require('http');
if (cluster.isPrimary) { for (let i = 0; i < ${WORKERS}; i++) cluster.fork(); cluster.on('online', () => {}); setTimeout(() => console.log('ready'), 500); }
else http.createServer((q, s) => { s.setHeader('content-type', 'text/plain'); s.end('hello from web.1\\n'); }).listen(5000, '${BACKEND}');
`;
await writeFile(join(dir, 'app.cjs'), APP);
const backend = spawn('ip', ['netns', 'exec', 'bdyno', process.execPath, join(dir, 'app.cjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
children.push(backend);
await new Promise((resolve) => backend.stdout?.once('data', resolve));

const freePort = async (): Promise<number> => {
  const s = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
};

// Cove's router.
const covePort = await freePort();
let logged = 0;
// As many HAProxy threads as `cove server` gives it on this host (--router-threads, COVE_ROUTER_THREADS).
const { routerThreads } = loadConfig([], process.env);
// Every request's line goes where `cove server` puts it: the metrics, and the app's log buffer
// in the SQLite file.
const store = new SqliteStore(join(dir, 'cove.db'));
const sink = routerLineSink(new RouterMetrics(), appLogWriter(store, silentLogger));
const router = new HaproxyRouter({
  dir: join(dir, 'cove'),
  http: { host: '127.0.0.1', port: covePort },
  threads: routerThreads,
  onRequest: (entry) => {
    logged++;
    sink(entry);
  },
});
await router.start();
const feed: NamespacedRouteFeed = {
  spaces: [{ spaceId: 'bench', namespace: 'bspace', internalAddress: null }],
  draining: [],
  apps: [{
    appId: 'bench', name: 'bench', spaceId: 'bench', namespace: 'bspace', internal: false, hostnames: [HOST],
    inboundRules: [{ action: 'allow', source: '0.0.0.0/0' }], servers: [{ dynoId: 'bench-web-1', name: 'web.1', address: BACKEND, port: 5000 }], idleCode: 'H14',
  }],
};
await router.update(feed);

// nginx with an upstream keep-alive pool, logging each request like Cove's router does.
const nginxPort = await freePort();
await writeFile(join(dir, 'nginx.conf'), `
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log ${dir}/nginx-access.log combined buffer=64k flush=1s;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream web { server ${BACKEND}:5000; keepalive 128; }
  server {
    listen 127.0.0.1:${nginxPort};
    location / {
      proxy_pass http://web; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host $host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}
`);
// Both proxies run as daemons, as on a host: each in a session of its own. With the kernel's
// scheduler autogroups (on here) a session shares the CPU as one group, so a proxy left in this
// benchmark's session (with wrk and the backend) is scheduled differently from a daemon; measured
// here, the same HAProxy configuration used about half again as much CPU per request daemonized.
const nginxStarted = spawn('nginx', ['-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
await new Promise((r) => nginxStarted.once('exit', r));
const nginxPid = Number(readFileSync(join(dir, 'nginx.pid'), 'utf8').trim());
await new Promise((r) => setTimeout(r, 300));

interface Result {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU time the proxy's processes used per request, in µs (less sensitive to a busy machine than requests/s). */
  readonly cpuUs: number;
  /** Of which this process (Cove's log reader: HAProxy's lines to the apps' metrics and log buffers), in µs. */
  readonly readerUs: number;
}

/** User + system CPU time of processes so far, in clock ticks (1/100 s). */
const cpuTicks = (pids: readonly number[]): number =>
  pids.reduce((sum, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return sum + Number(fields[11]) + Number(fields[12]);
    } catch {
      return sum;
    }
  }, 0);
const childrenOf = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

/** wrk's latency in ms from "1.23ms", "456.00us", "1.02s". */
const toMs = (text: string): number => {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (m === null) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
};

async function wrk(url: string, proxyPids: () => readonly number[]): Promise<Result> {
  const before = cpuTicks(proxyPids());
  const reader = process.cpuUsage();
  const { stdout } = await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', '-H', `Host: ${HOST}`, url], { maxBuffer: 1 << 20 });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(stdout)?.[1] ?? '');
  const p99 = toMs(/\s99%\s+(\S+)/.exec(stdout)?.[1] ?? '');
  if (/Non-2xx or 3xx responses/.test(stdout)) throw new Error(`wrk saw errors against ${url}:\n${stdout}`);
  const requests = Number(/(\d+) requests in/.exec(stdout)?.[1]);
  const ticks = cpuTicks(proxyPids()) - before;
  const { user, system } = process.cpuUsage(reader);
  const readerUs = proxyPids().includes(process.pid) ? (user + system) / requests : 0;
  return { rps, p50, p99, cpuUs: (ticks * 10_000) / requests, readerUs };
}

// Cove's router is HAProxy plus this process, which routes HAProxy's lines to the apps.
const contenders: readonly (readonly [string, string, () => readonly number[]])[] = [
  ['direct', `http://${BACKEND}:5000/`, () => []],
  ['nginx', `http://127.0.0.1:${nginxPort}/`, () => [nginxPid, ...childrenOf(nginxPid)]],
  ['cove', `http://127.0.0.1:${covePort}/`, () => [process.pid, ...(router.pid === undefined ? [] : [router.pid])]],
];
const results = new Map<string, Result[]>();
try {
  for (const [, url, pids] of contenders) await wrk(url, pids).catch(() => undefined); // warm-up, pools filled
  // Each run measures every contender back to back, so machine noise hits them alike.
  for (let round = 0; round < RUNS; round++) {
    for (const [name, url, pids] of contenders) results.set(name, [...(results.get(name) ?? []), await wrk(url, pids)]);
  }
} finally {
  await router.close();
  store.close();
  process.kill(nginxPid, 'SIGTERM');
  for (const child of children) child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}

const runsOf = (name: string): Result[] => results.get(name) ?? [];
const median = (list: readonly number[]): number => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
/** "median (min–max)" of one number per run. */
const spread = (list: readonly number[], digits: number, unit = ''): string =>
  list.length === 1
    ? `${(list[0] as number).toFixed(digits)}${unit}`
    : `${median(list).toFixed(digits)}${unit} (${Math.min(...list).toFixed(digits)}–${Math.max(...list).toFixed(digits)})`;
const perRun = (f: (cove: Result, nginx: Result, direct: Result) => number): number[] =>
  runsOf('cove').map((cove, i) => f(cove, runsOf('nginx')[i] as Result, runsOf('direct')[i] as Result));
const fmt = (list: readonly Result[]): string =>
  `${spread(list.map((r) => r.rps), 0).padStart(7)} req/s   p50 ${spread(list.map((r) => r.p50), 2)} ms   p99 ${spread(list.map((r) => r.p99), 2)} ms   proxy CPU ${spread(list.map((r) => r.cpuUs), 1)} µs/request` +
  (list.some((r) => r.readerUs > 0) ? ` (log reader ${spread(list.map((r) => r.readerUs), 2)})` : '');
console.log(
  `bench/router: ${CONNECTIONS} keep-alive connections, ${SECONDS} s per contender and run, ${RUNS} run${RUNS === 1 ? '' : 's'}${RUNS === 1 ? '' : ' (median (min–max))'}, backend: node cluster x${WORKERS}, router threads: ${routerThreads}`,
);
for (const [name] of contenders) console.log(`  ${name.padEnd(7)} ${fmt(runsOf(name))}`);
console.log(`  cove / nginx requests/s: ${spread(perRun((c, n) => c.rps / n.rps), 2, 'x')}   (goal ≥ 1.10x)`);
console.log(`  cove / nginx proxy CPU per request: ${spread(perRun((c, n) => c.cpuUs / n.cpuUs), 2, 'x')}   (goal ≤ 0.90x; HAProxy and the log reader vs nginx's processes)`);
console.log(`  cove / nginx p99 added vs direct: ${spread(perRun((c, n, d) => (c.p99 - d.p99) / (n.p99 - d.p99)), 2, 'x')}   (goal ≤ 1.00x)`);
console.log(`  p99 added vs direct: cove ${spread(perRun((c, _n, d) => c.p99 - d.p99), 2, ' ms')}, nginx ${spread(perRun((_c, n, d) => n.p99 - d.p99), 2, ' ms')}`);
console.log(`  Cove's log reader per request: ${spread(runsOf('cove').map((r) => r.readerUs), 2, ' µs')}`);
console.log(`  router log lines routed during the runs: ${logged}`);
