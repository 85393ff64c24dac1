/**
 * Space DNS benchmark through a real `cove server` with the linux runtime, inside its own
 * `unshare --net --mount` sandbox (nothing leaves it). Prints, never asserts:
 *  - propagation: a dyno going up (the runtime's `updated_at`) or being scaled away (the API
 *    call) → the formation name's answer changing, as seen by a poller inside another dyno of
 *    the space (goal ≤ 1 s);
 *  - queries/s and p50/p99 from inside a dyno against the space's DNS address, and against
 *    dnsmasq serving the same names from a hosts file on the same address (port 5353) in the
 *    same space, interleaved in the same run (goal ≥ 1.0× dnsmasq's queries/s).
 *
 *   npx tsc -b && node bench/dist/dns-space.js [--samples 5] [--seconds 3] [--clients 32]
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { BenchServer, waitFor } from './bench-server.js';
import { enterBenchSandbox } from './bench-sandbox.js';

const run = promisify(execFile);

enterBenchSandbox(import.meta.url, 'dns-space');

const { values } = parseArgs({ options: { samples: { type: 'string', default: '5' }, seconds: { type: 'string', default: '3' }, clients: { type: 'string', default: '32' } } });
const SAMPLES = Number(values.samples);
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const FORMATION = 'web.bench.app.localspace';

/** Minimal web app for the slug. */
const APP = "require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT);";
/** `node poll.js SERVER NAME`: queries every 5 ms; prints "<epoch ms> <sorted answer>" on every change. */
const POLL = `
const dns = require('dns');
const [server, name] = process.argv.slice(2);
const r = new dns.promises.Resolver({ timeout: 500, tries: 1 });
r.setServers([server]);
let last = null;
(async () => {
  for (;;) {
    const a = await r.resolve4(name).then((x) => x.sort().join(','), (e) => e.code);
    if (a !== last) { last = a; console.log(Date.now() + ' ' + a); }
    await new Promise((res) => setTimeout(res, 5));
  }
})();
`;
/** `node load.js HOST PORT SECONDS CLIENTS NAME...`: UDP load; prints JSON {qps, p50, p99, lost}. */
const LOAD = `
const dgram = require('dgram');
const [host, port, seconds, clients, ...names] = process.argv.slice(2);
const encode = (id, name) => {
  const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  const head = Buffer.alloc(12); head.writeUInt16BE(id, 0); head.writeUInt16BE(0x0100, 2); head.writeUInt16BE(1, 4);
  return Buffer.concat([head, ...labels, Buffer.from([0, 0, 1, 0, 1])]);
};
const lat = []; let done = 0, lost = 0; const end = Date.now() + Number(seconds) * 1000;
const worker = (k) => new Promise((resolve) => {
  const s = dgram.createSocket('udp4'); let id = 0, sent = 0, timer = null;
  const next = () => {
    if (Date.now() > end) { s.close(); resolve(); return; }
    id = (id + 1) & 0xffff; sent = process.hrtime.bigint();
    s.send(encode(id, names[(k + id) % names.length]), Number(port), host);
    timer = setTimeout(() => { lost++; next(); }, 1000);
  };
  s.on('message', (m) => { if (m.readUInt16BE(0) !== id) return; clearTimeout(timer); lat.push(Number(process.hrtime.bigint() - sent) / 1e6); done++; next(); });
  s.bind(0, next);
});
Promise.all(Array.from({ length: Number(clients) }, (_, k) => worker(k))).then(() => {
  lat.sort((a, b) => a - b);
  const p = (q) => lat[Math.min(lat.length - 1, Math.floor((lat.length - 1) * q))] || NaN;
  console.log(JSON.stringify({ qps: done / Number(seconds), p50: p(0.5), p99: p(0.99), lost }));
});
`;

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? NaN;

const cove = new BenchServer('dns');
const api = cove.api.bind(cove);

type Dyno = { id: string; name: string; state: string; updated_at: string; extended: { ip: string } };
const upDynos = async (n: number): Promise<Dyno[] | undefined> => {
  const dynos = (await api('GET', '/apps/bench/dynos')) as Dyno[];
  return dynos.length === n && dynos.every((d) => d.state === 'up') ? dynos : undefined;
};
const dynoNetns = (id: string): string => `cvd-${createHash('sha256').update(id).digest('hex').slice(0, 8)}`;

const dir = await mkdtemp(join(tmpdir(), 'cove-bench-dns-'));
const children: ChildProcess[] = [];
try {
  await cove.start();

  await mkdir(join(dir, 'slug', 'app'), { recursive: true });
  await writeFile(join(dir, 'slug', 'app', 'app.js'), APP);
  // The probes run in the dyno's network namespace (the same path as the dyno's own queries)
  // from this directory.
  await writeFile(join(dir, 'poll.js'), POLL);
  await writeFile(join(dir, 'load.js'), LOAD);
  await run('tar', ['-czf', join(dir, 'slug.tgz'), '-C', join(dir, 'slug'), './app']);

  await cove.createSpaceApp();
  const slug = await api('POST', '/apps/bench/slugs', { process_types: { web: 'node app.js' } });
  await fetch(slug.blob.url, { method: 'PUT', body: await readFile(join(dir, 'slug.tgz')) });
  await api('POST', '/apps/bench/releases', { slug: slug.id });
  await api('PATCH', '/apps/bench/formation', { updates: [{ type: 'web', quantity: 1 }] });
  const [first] = await waitFor(() => upDynos(1));
  if (first === undefined) throw new Error('no dyno');
  const ns = dynoNetns(first.id);
  const inDyno = (script: string, args: string[]): string[] => ['netns', 'exec', ns, process.execPath, join(dir, script), ...args];

  // Propagation, seen from inside web.1.
  const changes: { at: number; answer: string }[] = [];
  const poller = spawn('ip', inDyno('poll.js', ['10.0.0.2', FORMATION]), { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(poller);
  poller.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      const m = /^(\d+) (.*)$/.exec(line);
      if (m !== null) changes.push({ at: Number(m[1]), answer: m[2] ?? '' });
    }
  });
  const answerSince = (since: number, ok: (answer: string) => boolean): Promise<number> =>
    waitFor(async () => changes.find((c) => c.at >= since && ok(c.answer))?.at, 20_000);
  await answerSince(0, (a) => a === first.extended.ip);

  const upLag: number[] = [];
  const downLag: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const scaledUpAt = Date.now();
    await api('PATCH', '/apps/bench/formation', { updates: [{ type: 'web', quantity: 2 }] });
    const two = await waitFor(() => upDynos(2));
    const added = two.find((d) => d.id !== first.id);
    if (added === undefined) throw new Error('no new dyno');
    const upAt = Date.parse(added.updated_at);
    // Addresses are reused from one sample to the next: only changes after this scale-up count.
    const seen = await answerSince(scaledUpAt, (a) => a.split(',').includes(added.extended.ip));
    upLag.push(seen - upAt);
    const scaledAt = Date.now();
    await api('PATCH', '/apps/bench/formation', { updates: [{ type: 'web', quantity: 1 }] });
    const gone = await answerSince(scaledAt, (a) => a === first.extended.ip);
    downLag.push(gone - scaledAt);
    await waitFor(() => upDynos(1));
  }
  console.log(`Space DNS through cove server (linux runtime), ${SAMPLES} samples, seen from inside a dyno`);
  console.log(`  dyno up (runtime's updated_at) → in the formation answer: p50 ${pct(upLag, 0.5)} ms, max ${Math.max(...upLag)} ms (goal ≤ 1000 ms: ${(pct(upLag, 0.5) / 1000).toFixed(2)}×)`);
  console.log(`  scale-down API call → out of the answer (includes stopping the dyno): p50 ${pct(downLag, 0.5)} ms, max ${Math.max(...downLag)} ms`);
  poller.kill('SIGKILL');

  // Queries/s from inside the dyno: Cove's DNS (port 53) against dnsmasq (port 5353) on the same address.
  const names = [FORMATION, `1.${FORMATION}`, 'bench.app.localspace'];
  await writeFile(join(dir, 'hosts'), `${first.extended.ip} ${FORMATION} 1.${FORMATION}\n`);
  const spaceNs = (await run('ip', ['netns', 'list'])).stdout.split('\n').map((l) => l.split(' ')[0] ?? '').find((n) => n.startsWith('cvs-') && n !== 'cvs-default');
  if (spaceNs === undefined) throw new Error('no space netns');
  const dnsmasq = spawn('ip', ['netns', 'exec', spaceNs, 'dnsmasq', '-k', '--no-resolv', '--no-hosts', `--addn-hosts=${join(dir, 'hosts')}`, '--listen-address=10.0.0.2',
    '--port=5353', '--bind-interfaces', '--local=/localspace/', '--pid-file=', '--cache-size=10000'], { stdio: 'ignore' });
  children.push(dnsmasq);
  await new Promise((r) => setTimeout(r, 300));
  const load = async (port: number): Promise<{ qps: number; p50: number; p99: number; lost: number }> =>
    JSON.parse((await run('ip', inDyno('load.js', ['10.0.0.2', String(port), String(SECONDS), String(CLIENTS), ...names]))).stdout) as { qps: number; p50: number; p99: number; lost: number };
  const coveRuns: { qps: number; p99: number }[] = [];
  const ref: { qps: number; p99: number }[] = [];
  for (let round = 0; round < 2; round++) {
    ref.push(await load(5353));
    coveRuns.push(await load(53));
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const cq = mean(coveRuns.map((r) => r.qps));
  const dq = mean(ref.map((r) => r.qps));
  console.log(`Queries from inside a dyno, ${CLIENTS} concurrent UDP clients, ${SECONDS} s × 2 rounds each, interleaved`);
  console.log(`  dnsmasq  ${dq.toFixed(0)} q/s   p99 ${mean(ref.map((r) => r.p99)).toFixed(3)} ms`);
  console.log(`  cove     ${cq.toFixed(0)} q/s   p99 ${mean(coveRuns.map((r) => r.p99)).toFixed(3)} ms`);
  console.log(`  ratio cove/dnsmasq: ${(cq / dq).toFixed(2)}× queries/s (goal ≥ 1.0×)`);
} finally {
  for (const c of children) c.kill('SIGKILL');
  await cove.destroy();
  await rm(dir, { recursive: true, force: true });
}
