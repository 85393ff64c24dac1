/**
 * Linux runtime benchmark, inside its own `unshare --net --mount` sandbox (nothing leaves it).
 * Prints, never asserts:
 *  - space create → ready (applySpace) p50/p90 against bare `ip netns add` + veth in the same run
 *    (goal ≤ 1 s p50);
 *  - dyno start → up for a minimal Node web app against starting the same app directly
 *    (goal: ≤ 300 ms added to the app's own boot);
 *  - N spaces and M dynos on one host: total time, kernel memory per space and per dyno
 *    (MemAvailable deltas), control-plane RSS.
 *
 *   npx tsc -b && node bench/dist/runtime.js [--spaces 100] [--dynos 500] [--samples 10]
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { LinuxRuntime, type DynoSpec, type SpaceSpec } from '@cove/platform';
import { enterBenchSandbox } from './bench-sandbox.js';

const run = promisify(execFile);

enterBenchSandbox(import.meta.url, 'runtime');

const { values } = parseArgs({ options: { spaces: { type: 'string', default: '100' }, dynos: { type: 'string', default: '500' }, samples: { type: 'string', default: '10' } } });
const SPACES = Number(values.spaces);
const DYNOS = Number(values.dynos);
const SAMPLES = Number(values.samples);

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? NaN;
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const memAvailableKb = async (): Promise<number> => Number(/MemAvailable:\s+(\d+)/.exec(await readFile('/proc/meminfo', 'utf8'))?.[1]);

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

// A public interface and a tiny "internet" so egress rules have somewhere to point.
await run('ip', ['link', 'add', 'up0', 'type', 'veth', 'peer', 'name', 'up0peer']);
await run('ip', ['addr', 'add', '203.0.113.1/24', 'dev', 'up0']);
await run('ip', ['link', 'set', 'up0', 'up']);
await run('ip', ['link', 'set', 'up0peer', 'up']);
await run('ip', ['route', 'add', 'default', 'via', '203.0.113.254', 'dev', 'up0', 'onlink']);

const dataDir = await mkdtemp(join(tmpdir(), 'cove-bench-'));
// The slug is read from a local blob directory (the server's fast path), as `cove server` does.
const blobDir = join(dataDir, 'blobs');
const runtime = new LinuxRuntime({ dataDir, publicInterface: 'up0', outboundIps: [], cgroupParent: `cove-bench-${process.pid}`, localBlobDir: blobDir });
await runtime.start();

const slugDir = await mkdtemp(join(tmpdir(), 'cove-bench-slug-'));
await mkdir(join(slugDir, 'app'));
const SERVER = "require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT);\n";
await writeFile(join(slugDir, 'app', 'server.js'), SERVER);
await run('tar', ['-czf', join(slugDir, 'slug.tgz'), '-C', slugDir, './app']);
const tarball = join(slugDir, 'slug.tgz');
await mkdir(join(blobDir, 'slugs'), { recursive: true });
await copyFile(tarball, join(blobDir, 'slugs', 'bench-slug.tgz'));
const slug = { id: 'bench-slug', url: 'http://127.0.0.1:9/slugs/bench-slug/blob', sha256: createHash('sha256').update(await readFile(tarball)).digest('hex') };

const space = (i: number): SpaceSpec => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `bench${i}`,
  cidr: '10.0.0.0/16',
  dataCidr: '10.1.0.0/16',
  outboundIps: [],
  zones: ['a', 'b', 'c'].map((name) => ({ name, healthy: true })),
});
let dynoCount = 0;
const dyno = (s: SpaceSpec, web: boolean): DynoSpec => {
  const n = ++dynoCount;
  return {
    id: `bench-${n}`, appId: 'bench-app', appName: 'bench', spaceId: s.id, zone: ['a', 'b', 'c'][n % 3] ?? 'a',
    type: web ? 'web' : 'worker', number: n, name: `${web ? 'web' : 'worker'}.${n}`, releaseId: 'r', releaseVersion: 1,
    command: web ? 'node server.js' : 'exec sleep 100000', env: {}, size: 'Private-S',
    limits: { memoryMb: 256, pids: 128, cpuPercent: 100 }, slug,
    restart: 'always', listens: web, bootTimeoutSeconds: 60,
  };
};

try {
  // 1. Space create → ready, against bare netns + veth creation.
  const spaceTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 1; i <= SAMPLES; i++) {
    let t = performance.now();
    await runtime.applySpace(space(i));
    spaceTimes.push(performance.now() - t);
    t = performance.now();
    await run('ip', ['netns', 'add', `ref${i}`]);
    await run('ip', ['link', 'add', `ref${i}h`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', `ref${i}`]);
    bareTimes.push(performance.now() - t);
  }
  console.log(`space create → ready: p50 ${ms(pct(spaceTimes, 0.5))}, p90 ${ms(pct(spaceTimes, 0.9))}; bare netns+veth p50 ${ms(pct(bareTimes, 0.5))}`);
  console.log(`  ratio to the 1 s goal: ${(pct(spaceTimes, 0.5) / 1000).toFixed(2)}×; ratio to bare kernel objects: ${(pct(spaceTimes, 0.5) / pct(bareTimes, 0.5)).toFixed(1)}×`);

  // 2. Dyno start → up, against starting the same app directly on loopback.
  const s1 = space(1);
  const dynoTimes: number[] = [];
  const directTimes: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const spec = dyno(s1, true);
    let t = performance.now();
    await runtime.startDyno(spec);
    await waitUntil(async () => (await runtime.listDynos()).some((d) => d.id === spec.id && d.state === 'up'));
    dynoTimes.push(performance.now() - t);
    await runtime.stopDyno(spec.id, { graceSeconds: 0 });
    t = performance.now();
    const port = 40000 + i;
    const child = spawn(process.execPath, [join(slugDir, 'app', 'server.js')], { env: { PORT: String(port) }, stdio: 'ignore' });
    await waitUntil(() => new Promise((resolve) => { const c = net.connect(port, '127.0.0.1', () => { c.destroy(); resolve(true); }); c.on('error', () => resolve(false)); }));
    directTimes.push(performance.now() - t);
    child.kill('SIGKILL');
  }
  const added = pct(dynoTimes, 0.5) - pct(directTimes, 0.5);
  console.log(`dyno start → up (Node web app): p50 ${ms(pct(dynoTimes, 0.5))}, p90 ${ms(pct(dynoTimes, 0.9))}; the app started directly p50 ${ms(pct(directTimes, 0.5))}`);
  console.log(`  added by Cove: ${ms(added)} (goal ≤ 300 ms: ${(added / 300).toFixed(2)}×); ratio ${(pct(dynoTimes, 0.5) / pct(directTimes, 0.5)).toFixed(2)}×`);

  // 3. Many spaces and dynos: total time and memory.
  const before = await memAvailableKb();
  let t = performance.now();
  for (let i = SAMPLES + 1; i <= SPACES; i++) await runtime.applySpace(space(i));
  const spacesMs = performance.now() - t;
  const afterSpaces = await memAvailableKb();
  t = performance.now();
  const specs: DynoSpec[] = [];
  for (let i = 0; i < DYNOS; i++) {
    const spec = dyno(space(1 + (i % SPACES)), false);
    specs.push(spec);
    await runtime.startDyno(spec);
  }
  await waitUntil(async () => (await runtime.listDynos()).filter((d) => d.state === 'up').length >= DYNOS, 600_000);
  const dynosMs = performance.now() - t;
  const afterDynos = await memAvailableKb();
  const newSpaces = Math.max(1, SPACES - SAMPLES);
  console.log(`${SPACES} spaces: ${(spacesMs / 1000).toFixed(1)} s for the last ${newSpaces}; kernel+runtime memory ≈ ${((before - afterSpaces) / newSpaces).toFixed(0)} KiB per space`);
  console.log(`${DYNOS} dynos (sleep processes): ${(dynosMs / 1000).toFixed(1)} s to all up; ≈ ${((afterSpaces - afterDynos) / DYNOS).toFixed(0)} KiB per dyno (namespaces, veth, cgroups, supervisor, process)`);
  console.log(`control-plane RSS with ${DYNOS} dynos supervised: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
} finally {
  await runtime.cleanup();
  await rm(dataDir, { recursive: true, force: true });
  await rm(slugDir, { recursive: true, force: true });
}
