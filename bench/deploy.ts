/**
 * Deploy benchmark: a whole `cove server` with the linux runtime inside its own
 * `unshare --net --mount` sandbox (nothing leaves it). Prints, never asserts:
 *  - `git push` of a small Node.js app (a dependency from a local tarball) → the new release
 *    answering on its dyno's private IP, cold cache, then warm (goal ≤ 10 s warm), against a
 *    reference in the same run: the same push to a plain bare repository plus `npm ci` of the
 *    same app run directly;
 *  - rolling 4 web dynos to a new release (a config change), against restarting 1 dyno.
 *
 *   npx tsc -b && node bench/dist/deploy.js [--warm 3]
 */
import { execFile } from 'node:child_process';
import { BenchServer, waitFor } from './bench-server.js';
import { enterBenchSandbox } from './bench-sandbox.js';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);

enterBenchSandbox(import.meta.url, 'deploy');

const { values } = parseArgs({ options: { warm: { type: 'string', default: '3' } } });
const WARM = Number(values.warm);
const cove = new BenchServer('deploy');
const TOKEN = cove.token;
const API = cove.apiUrl;
const api = cove.api.bind(cove);
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

const work = await mkdtemp(join(tmpdir(), 'cove-bench-src-'));

async function git(dir: string, args: string[]): Promise<void> {
  await run('git', ['-c', 'user.email=b@example.com', '-c', 'user.name=Bench', '-c', 'credential.helper=', '-c', `credential.helper=!f() { echo username=heroku; echo password=${TOKEN}; }; f`, ...args], {
    cwd: dir,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', HOME: work },
    maxBuffer: 16 * 1024 * 1024,
  });
}

type Dyno = { type: string; state: string; release: { version: number }; extended: { ip: string } };

/** Waits until `count` web dynos are up at `version` and one answers `marker` on its private IP. */
async function serving(version: number, marker: string, count = 1): Promise<void> {
  const netns = `cvs-${/cvs-([0-9a-f]{8})/.exec((await run('ip', ['netns', 'list'])).stdout)?.[1] ?? ''}`;
  const dynos = await waitFor(async () => {
    const list = ((await api('GET', '/apps/bench/dynos')) as Dyno[]).filter((d) => d.type === 'web');
    return list.length === count && list.every((d) => d.state === 'up' && d.release.version === version) ? list : undefined;
  });
  const probe = `require('http').get({ host: process.argv[1], port: 5000 }, (s) => { let d = ''; s.on('data', (c) => d += c); s.on('end', () => console.log(d)); }).on('error', (e) => console.log(e.code));`;
  await waitFor(async () => {
    const { stdout } = await run('ip', ['netns', 'exec', netns, process.execPath, '-e', probe, dynos[0]?.extended.ip ?? '']);
    return stdout.includes(marker) ? true : undefined;
  });
}

try {
  await cove.start();
  await cove.createSpaceApp();

  const app = join(work, 'app');
  await mkdir(join(app, 'vendor', 'package'), { recursive: true });
  await writeFile(join(app, 'vendor', 'package', 'package.json'), JSON.stringify({ name: 'greet', version: '1.0.0', main: 'index.js' }));
  await writeFile(join(app, 'vendor', 'package', 'index.js'), "module.exports = (who) => 'hello ' + who;\n");
  await run('tar', ['-czf', 'greet-1.0.0.tgz', 'package'], { cwd: join(app, 'vendor') });
  await rm(join(app, 'vendor', 'package'), { recursive: true });
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'bench', version: '1.0.0', scripts: { start: 'node server.js' }, dependencies: { greet: 'file:vendor/greet-1.0.0.tgz' } }));
  const writeServer = (marker: string): Promise<void> =>
    writeFile(join(app, 'server.js'), `const g = require('greet');\nrequire('http').createServer((q, s) => s.end(g(${JSON.stringify(marker)}))).listen(process.env.PORT);\n`);
  await writeServer('build-0');
  await run('npm', ['install', '--package-lock-only', '--offline', '--no-audit', '--no-fund'], { cwd: app });
  await git(app, ['init', '-q', '-b', 'main']);
  await git(app, ['add', '-A']);
  await git(app, ['commit', '-qm', 'build-0']);

  // Reference: the same push to a plain bare repository, and npm ci of the same app, directly.
  const bare = join(work, 'plain.git');
  await run('git', ['init', '-q', '--bare', bare]);
  let t = performance.now();
  await git(app, ['push', '-q', bare, 'main']);
  const plainPush = performance.now() - t;
  const copy = join(work, 'copy');
  await cp(app, copy, { recursive: true });
  t = performance.now();
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--cache', join(work, 'npm-cache')], { cwd: copy });
  const npmCi = performance.now() - t;

  const deploy = async (marker: string): Promise<{ push: number; serving: number }> => {
    await writeServer(marker);
    await git(app, ['commit', '-qam', marker]);
    const start = performance.now();
    await git(app, ['push', '-q', '--force', `${API}/bench.git`, 'main']);
    const pushed = performance.now() - start;
    const releases = (await api('GET', '/apps/bench/releases')) as { version: number; current: boolean }[];
    const version = releases.find((r) => r.current)?.version ?? 0;
    await serving(version, marker);
    return { push: pushed, serving: performance.now() - start };
  };

  const cold = await deploy('build-1');
  const warm: { push: number; serving: number }[] = [];
  for (let i = 0; i < WARM; i++) warm.push(await deploy(`build-${i + 2}`));

  // Restart one dyno into a new release (config change), then roll four.
  const configRoll = async (count: number, value: string): Promise<number> => {
    const before = ((await api('GET', '/apps/bench/releases')) as { version: number }[]).length;
    const start = performance.now();
    await api('PATCH', '/apps/bench/config-vars', { BENCH: value });
    const version = before + 1;
    await serving(version, 'build-', count);
    return performance.now() - start;
  };
  const single = await configRoll(1, 'one');
  await api('PATCH', '/apps/bench/formation', { updates: [{ type: 'web', quantity: 4 }] });
  const releases = (await api('GET', '/apps/bench/releases')) as { version: number }[];
  await serving(releases.length, 'build-', 4);
  const four = await configRoll(4, 'four');

  const reference = plainPush + npmCi;
  const warmServing = median(warm.map((w) => w.serving));
  console.log('bench/deploy (linux runtime, one host, 2 cores shared)');
  console.log(`  reference: plain git push ${sec(plainPush)} + npm ci ${sec(npmCi)} = ${sec(reference)}`);
  console.log(`  git push → serving, cold cache: ${sec(cold.serving)} (push itself ${sec(cold.push)})`);
  console.log(`  git push → serving, warm cache: median ${sec(warmServing)} of ${warm.map((w) => sec(w.serving)).join(', ')} (goal ≤ 10 s); ${(warmServing / reference).toFixed(1)}× the reference`);
  console.log(`  config change → 1 web dyno on the new release: ${sec(single)}`);
  console.log(`  config change → 4 web dynos rolled (25 % at a time): ${sec(four)}; ${(four / single).toFixed(1)}× one dyno`);
} finally {
  await cove.destroy();
  await rm(work, { recursive: true, force: true });
}
