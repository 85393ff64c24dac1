/**
 * Deploys end to end with a whole `cove server` and the linux runtime, inside this file's own
 * unshare sandbox: real `git push` over HTTP and HTTPS to the API's address builds a Node.js
 * app whose dependency comes from a local tarball (no network in builds), releases it, and its
 * dynos answer on their private IPs inside the space; a second push deploys the new version;
 * rollback; release phase (success, and failure keeping the old release); bad input (unknown
 * app, wrong key, nothing detectable, broken build, bad Procfile) never releases; and a
 * rolling deploy of 4 web dynos never has fewer than 3 up, and drops no request of steady load
 * from the internet through the public router.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CoveServer } from '../support/cove-server.js';
import { enterSandbox } from '../support/sandbox.js';

const run = promisify(execFile);
const inSandbox = enterSandbox(import.meta.url);
const PORT = 5000;
const API = `http://127.0.0.1:${PORT}`;
const APP = 'shop';

if (!inSandbox) {
  describe('git push deploys with the linux runtime', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const cove = new CoveServer({ tag: 'deploy', apiPort: PORT });
  const TOKEN = cove.token;
  let internet: { stop(): void } | undefined;
  let work = '';
  let spaceShortId = '';

  const api = (method: string, path: string, body?: unknown, token?: string): Promise<any> => cove.api(method, path, body, token);

  /** A Node.js app whose `greet` dependency is a local tarball, with its package-lock.json. */
  const nodeApp = async (name: string, version: string, extra: Record<string, string> = {}): Promise<string> => {
    const dir = join(work, name);
    await mkdir(join(dir, 'vendor', 'package'), { recursive: true });
    await writeFile(join(dir, 'vendor', 'package', 'package.json'), JSON.stringify({ name: 'greet', version: '1.0.0', main: 'index.js' }));
    await writeFile(join(dir, 'vendor', 'package', 'index.js'), "module.exports = (who) => 'hello ' + who;\n");
    await run('tar', ['-czf', 'greet-1.0.0.tgz', 'package'], { cwd: join(dir, 'vendor') });
    await rm(join(dir, 'vendor', 'package'), { recursive: true });
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'shop', version: '1.0.0', scripts: { start: 'node server.js', build: 'node build.js' }, dependencies: { greet: 'file:vendor/greet-1.0.0.tgz' } }),
    );
    // The build step reports who it runs as and whether it can reach the internet or the API.
    await writeFile(
      join(dir, 'build.js'),
      `const net = require('net');
const reach = (host, port) => new Promise((r) => { const s = net.connect(port, host); s.setTimeout(1500, () => { s.destroy(); r('timeout'); }); s.on('connect', () => { s.destroy(); r('connected'); }); s.on('error', (e) => r(e.code)); });
Promise.all([reach(${JSON.stringify(lab.INTERNET_HOST)}, ${lab.WHOAMI_PORT}), reach('127.0.0.1', ${PORT})]).then(([internet, api]) => console.log('build uid=' + process.getuid() + ' internet=' + internet + ' api=' + api));
`,
    );
    await writeFile(
      join(dir, 'server.js'),
      `const greet = require('greet');
require('http').createServer((q, s) => s.end(JSON.stringify({ version: ${JSON.stringify(version)}, greeting: greet(process.env.DYNO), dyno: process.env.DYNO, ip: process.env.HEROKU_PRIVATE_IP, uid: process.getuid() }))).listen(process.env.PORT);
`,
    );
    for (const [file, text] of Object.entries(extra)) await writeFile(join(dir, file), text);
    await run('npm', ['install', '--package-lock-only', '--offline', '--no-audit', '--no-fund'], { cwd: dir });
    return commit(dir);
  };

  const commit = async (dir: string): Promise<string> => {
    await run('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    await run('git', ['add', '-A'], { cwd: dir });
    await run('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', 'commit', '-qm', `commit ${dir}`], { cwd: dir });
    return dir;
  };

  const plainApp = async (name: string, files: Record<string, string>): Promise<string> => {
    const dir = join(work, name);
    await mkdir(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
    return commit(dir);
  };

  /** `git push --force <url> main` with the key given by a credential helper, as the heroku CLI's does. */
  const push = (dir: string, url: string, token = TOKEN): Promise<{ code: number; output: string }> =>
    new Promise((resolve) => {
      const child = spawn(
        'git',
        ['-c', 'credential.helper=', '-c', `credential.helper=!f() { echo username=heroku; echo password=${token}; }; f`, 'push', '--force', url, 'main'],
        { cwd: dir, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_SSL_CAINFO: join(cove.dataDir, 'tls', 'ca.crt'), HOME: work } },
      );
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('close', (code) => resolve({ code: code ?? 1, output }));
    });

  type Dyno = { id: string; name: string; type: string; state: string; release: { version: number }; extended: { ip: string } };
  const webDynos = async (): Promise<Dyno[]> => ((await api('GET', `/apps/${APP}/dynos`)) as Dyno[]).filter((d) => d.type === 'web');
  /** Waits until exactly `count` web dynos run, all up, all at `version`; returns them. */
  const servingVersion = (version: number, count = 1, timeoutMs = 60_000): Promise<Dyno[]> =>
    lab.waitFor(`${count} web dynos up at v${version}`, async () => {
      const dynos = await webDynos();
      return dynos.length === count && dynos.every((d) => d.state === 'up' && d.release.version === version) ? dynos : undefined;
    }, timeoutMs);
  const currentVersion = async (): Promise<number> => {
    const releases = (await api('GET', `/apps/${APP}/releases`)) as { version: number; current: boolean }[];
    return releases.find((r) => r.current)?.version ?? 0;
  };
  /** Reads IP lists (JSON lines) on stdin; every 50 ms requests each IP of the latest list and prints {ok, failed}. */
  const PROBER = `
let ips = [], buffer = '';
process.stdin.on('data', (d) => { buffer += d; const lines = buffer.split('\\n'); buffer = lines.pop(); if (lines.length) ips = JSON.parse(lines.pop()); });
const one = (ip) => new Promise((resolve) => {
  const q = require('http').get({ host: ip, port: 5000, timeout: 1000, agent: false }, (s) => { s.resume(); s.on('end', () => resolve(s.statusCode === 200)); });
  q.on('timeout', () => q.destroy()); q.on('error', () => resolve(false));
});
(async () => { for (;;) {
  const now = ips;
  const results = await Promise.all(now.map(one));
  console.log(JSON.stringify({ ok: now.filter((_, i) => results[i]), failed: now.filter((_, i) => !results[i]) }));
  await new Promise((r) => setTimeout(r, 50));
} })();
`;
  const releasedVersion = (output: string): number => Number(/Released v(\d+)/.exec(output)?.[1] ?? 0);
  let firstDeploy = 0;
  const releaseCount = async (): Promise<number> => ((await api('GET', `/apps/${APP}/releases`)) as unknown[]).length;

  before(async () => {
    internet = await lab.makeInternet();
    work = await mkdtemp(join(tmpdir(), 'cove-deploy-src-'));
    await cove.start();
    await api('POST', '/teams', { name: 'acme' });
    await api('POST', '/spaces', { name: 'prod', team: 'acme' });
    await lab.waitFor('space allocated', async () => ((await api('GET', '/spaces/prod')).state === 'allocated' ? true : undefined));
    spaceShortId = /cvs-([0-9a-f]{8})/.exec((await run('ip', ['netns', 'list'])).stdout)?.[1] ?? '';
    await api('POST', '/teams/apps', { name: APP, space: 'prod' });
  });

  after(async () => {
    await cove.destroy();
    internet?.stop();
    await rm(work, { recursive: true, force: true });
  });

  describe('git push deploys with the linux runtime', () => {
    test('git push over http builds the Node.js app offline, releases it, and its dyno answers on its private IP', async () => {
      const dir = await nodeApp('v1', 'v1');
      const { code, output } = await push(dir, `${API}/${APP}.git`);
      assert.equal(code, 0, output);
      for (const line of ['remote: -----> Building on Cove', 'remote: -----> Node.js app detected', 'Installing node modules (package-lock.json)', 'remote: -----> Discovering process types', 'Default types for buildpack -> web', 'remote:        Released v', `https://${APP}.apps.test/ deployed to Cove`]) {
        assert.ok(output.includes(line), `missing ${JSON.stringify(line)} in:\n${output}`);
      }
      const sandbox = /build uid=(\d+) internet=(\S+) api=(\S+)/.exec(output);
      assert.ok(sandbox, output);
      assert.notEqual(sandbox[1], '0', 'builds run as an unprivileged user');
      assert.notEqual(sandbox[2], 'connected', 'builds cannot reach the internet');
      assert.notEqual(sandbox[3], 'connected', 'builds cannot reach the API');
      firstDeploy = releasedVersion(output);
      assert.equal(firstDeploy, await currentVersion());
      const [dyno] = await servingVersion(firstDeploy);
      const reply = await lab.callDyno(spaceShortId, dyno?.extended.ip ?? '');
      assert.deepEqual({ version: reply.version, greeting: reply.greeting, dyno: reply.dyno }, { version: 'v1', greeting: 'hello web.1', dyno: 'web.1' });
      assert.notEqual(reply.uid, 0);
    });

    test('a second push over https (CA trusted with GIT_SSL_CAINFO) deploys the new version; rollback brings the old one back', async () => {
      const dir = await nodeApp('v2', 'v2');
      const { code, output } = await push(dir, `https://localhost:${PORT}/${APP}.git`);
      assert.equal(code, 0, output);
      assert.equal(releasedVersion(output), firstDeploy + 1);
      assert.equal((await api('GET', `/apps/${APP}`)).buildpack_provided_description, 'Node.js');
      const [dyno] = await servingVersion(firstDeploy + 1);
      assert.equal((await lab.callDyno(spaceShortId, dyno?.extended.ip ?? '')).version, 'v2');

      const v1 = (await api('GET', `/apps/${APP}/releases/${firstDeploy}`)) as { id: string };
      const rollback = await api('POST', `/apps/${APP}/releases`, { release: v1.id });
      const [rolled] = await servingVersion(rollback.version);
      assert.equal((await lab.callDyno(spaceShortId, rolled?.extended.ip ?? '')).version, 'v1');
    });

    test('bad input never releases: unknown app, wrong key, nothing detectable, broken build, bad Procfile', async () => {
      const releasesBefore = await releaseCount();
      const good = join(work, 'v2');

      const unknown = await push(good, `${API}/no-such-app.git`);
      assert.notEqual(unknown.code, 0);
      assert.match(unknown.output, /not found/);

      const wrongKey = await push(good, `${API}/${APP}.git`, 'HRKU-wrong');
      assert.notEqual(wrongKey.code, 0);
      assert.match(wrongKey.output, /Authentication failed/);

      const nothing = await push(await plainApp('nothing', { 'README.md': '# just words\n' }), `${API}/${APP}.git`);
      assert.notEqual(nothing.code, 0);
      assert.match(nothing.output, /No default language could be detected for this app/);
      assert.match(nothing.output, /pre-receive hook declined/);

      const broken = await push(
        await nodeApp('broken', 'broken', { 'package.json': JSON.stringify({ name: 'shop', version: '1.0.0', scripts: { build: 'echo compiling; exit 7' }, dependencies: {} }) }),
        `${API}/${APP}.git`,
      );
      assert.notEqual(broken.code, 0);
      assert.match(broken.output, /remote: compiling|remote:        compiling/);
      assert.match(broken.output, /Push rejected, failed to compile Node\.js app/);

      const procfile = await push(await plainApp('procfile', { Procfile: 'web: ./run.sh\nthis line is wrong\n', 'run.sh': '#!/bin/sh\n' }), `${API}/${APP}.git`);
      assert.notEqual(procfile.code, 0);
      assert.match(procfile.output, /Procfile line 2 is invalid: "this line is wrong"/);

      assert.equal(await releaseCount(), releasesBefore);
      // Rejected pushes left the branch where the last good push put it; other branches do not deploy.
      const clone = join(work, 'clone');
      await run('git', ['-c', 'credential.helper=', '-c', `credential.helper=!f() { echo username=heroku; echo password=${TOKEN}; }; f`, 'clone', '-q', `${API}/${APP}.git`, clone], { env: { ...process.env, GIT_TERMINAL_PROMPT: '0', HOME: work } });
      assert.equal((await run('git', ['rev-parse', 'HEAD'], { cwd: clone })).stdout, (await run('git', ['rev-parse', 'HEAD'], { cwd: good })).stdout);
      await run('git', ['checkout', '-q', '-b', 'feature'], { cwd: good });
      const feature = await new Promise<{ code: number; output: string }>((resolve) => {
        const child = spawn('git', ['-c', 'credential.helper=', '-c', `credential.helper=!f() { echo username=heroku; echo password=${TOKEN}; }; f`, 'push', `${API}/${APP}.git`, 'feature'], { cwd: good, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', HOME: work } });
        let output = '';
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        child.on('close', (code) => resolve({ code: code ?? 1, output }));
      });
      assert.equal(feature.code, 0, feature.output);
      assert.match(feature.output, /remote: Pushed to non-deployable branch feature; push main or master to deploy\./);
      assert.equal(await releaseCount(), releasesBefore);
      const builds = (await api('GET', `/apps/${APP}/builds`)) as { status: string }[];
      assert.equal(builds.filter((b) => b.status === 'failed').length, 3);
    });

    test('release phase runs once in the space before the release goes live; a failing one leaves the old release serving', async () => {
      const ok = await nodeApp('release-ok', 'v3', {
        Procfile: 'web: npm start\nrelease: node migrate.js\n',
        'migrate.js': "console.log('migrated on ' + process.env.DYNO + ' at ' + process.env.HEROKU_PRIVATE_IP);\n",
      });
      const pushed = await push(ok, `${API}/${APP}.git`);
      assert.equal(pushed.code, 0, pushed.output);
      assert.match(pushed.output, /Running release command/);
      assert.match(pushed.output, /migrated on release\.\d+ at 10\.0\.\d+\.\d+/);
      const version = await currentVersion();
      const [dyno] = await servingVersion(version);
      assert.equal((await lab.callDyno(spaceShortId, dyno?.extended.ip ?? '')).version, 'v3');

      const bad = await nodeApp('release-bad', 'v4', {
        Procfile: 'web: npm start\nrelease: node -e "console.log(\'cannot migrate\'); process.exit(3)"\n',
      });
      const failed = await push(bad, `${API}/${APP}.git`);
      assert.notEqual(failed.code, 0);
      assert.match(failed.output, /cannot migrate/);
      assert.match(failed.output, /Release v\d+ failed/);
      const releases = (await api('GET', `/apps/${APP}/releases`)) as { version: number; status: string; current: boolean }[];
      const newest = releases.reduce((a, b) => (a.version > b.version ? a : b));
      assert.equal(newest.status, 'failed');
      assert.equal(await currentVersion(), version);
      const still = await servingVersion(version);
      assert.equal((await lab.callDyno(spaceShortId, still[0]?.extended.ip ?? '')).version, 'v3');
      assert.equal(((await api('GET', `/apps/${APP}/dynos`)) as Dyno[]).some((d) => d.type === 'release'), false);
    });

    test('a config change rolls 4 web dynos one at a time: never fewer than 3 up, all on the new release at the end', async (t) => {
      await api('PATCH', `/apps/${APP}/formation`, { updates: [{ type: 'web', quantity: 4 }] });
      const from = await currentVersion();
      await servingVersion(from, 4);
      // Real requests from inside the space all through the roll: a prober in the space's
      // router namespace requests every dyno the API last reported up, every 50 ms.
      const prober = spawn('ip', ['netns', 'exec', lab.spaceNetns(spaceShortId), process.execPath, '-e', PROBER], { stdio: ['pipe', 'pipe', 'inherit'] });
      const rounds: { ok: string[]; failed: string[] }[] = [];
      let pending = '';
      prober.stdout.on('data', (d: Buffer) => {
        pending += d.toString();
        for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
          rounds.push(JSON.parse(pending.slice(0, i)) as { ok: string[]; failed: string[] });
          pending = pending.slice(i + 1);
        }
      });
      const everUp = new Set<string>();
      const report = (dynos: Dyno[]): void => {
        const ips = dynos.filter((d) => d.state === 'up').map((d) => d.extended.ip);
        for (const ip of ips) everUp.add(ip);
        prober.stdin.write(`${JSON.stringify(ips)}\n`);
      };
      report(await webDynos());
      await lab.waitFor('prober running', async () => (rounds.some((r) => r.ok.length > 0) ? true : undefined));
      rounds.splice(0, rounds.findIndex((r) => r.ok.length > 0));
      // And steady load from the internet through the public router: not one request may fail.
      await lab.waitFor('routed', async () => (await lab.probe('inet', 'tcp', lab.HOST_PUBLIC_IP, 80)).startsWith('ok'));
      const load = await lab.steadyLoad('inet', lab.HOST_PUBLIC_IP, `${APP}.apps.test`);
      t.after(() => load.stop().catch(() => undefined));
      await api('PATCH', `/apps/${APP}/config-vars`, { ROLL: '1' });
      // The app has a release phase, so the new release goes live once it has run.
      const to = await lab.waitFor('the config release live', async () => {
        report(await webDynos());
        return (await currentVersion()) > from ? currentVersion() : undefined;
      }, 30_000);
      let minUp = 4;
      let mixed = false;
      const final = await lab.waitFor('rolled to the new release', async () => {
        const dynos = await webDynos();
        report(dynos);
        const up = dynos.filter((d) => d.state === 'up');
        minUp = Math.min(minUp, up.length);
        if (new Set(up.map((d) => d.release.version)).size > 1) mixed = true;
        return dynos.length === 4 && up.length === 4 && dynos.every((d) => d.release.version === to) ? dynos : undefined;
      }, 90_000);
      const roundsDuringRoll = rounds.length;
      await lab.waitFor('a few more probe rounds', async () => (rounds.length > roundsDuringRoll + 3 ? true : undefined));
      prober.kill('SIGKILL');
      const routed = await load.stop();
      t.diagnostic(`${routed.ok} requests through the router during the roll, ${routed.failed} failed`);
      assert.ok(routed.ok > 50, `only ${routed.ok} requests through the router during the roll`);
      assert.deepEqual({ failed: routed.failed, errors: routed.errors }, { failed: 0, errors: {} }, 'requests through the router failed during the roll');
      assert.ok(minUp >= 3, `only ${minUp} web dynos were up at one point`);
      assert.equal(mixed, true, 'old and new dynos never served side by side: not a rolling deploy');
      // Every round had at least 3 dynos answering; the only failures were old dynos being stopped.
      const finalIps = new Set(final.map((d) => d.extended.ip));
      assert.ok(rounds.length > 10, `only ${rounds.length} probe rounds`);
      for (const [i, round] of rounds.entries()) {
        assert.ok(round.ok.length >= 3, `round ${i}: only ${round.ok.length} dynos answered (${JSON.stringify(round)})`);
        for (const ip of round.failed) assert.equal(finalIps.has(ip), false, `round ${i}: ${ip}, a dyno that stayed, failed a request`);
      }
      assert.ok(everUp.size >= 8, 'four old and four new dynos served');
      const requests = rounds.reduce((n, r) => n + r.ok.length + r.failed.length, 0);
      const failed = rounds.reduce((n, r) => n + r.failed.length, 0);
      t.diagnostic(`${rounds.length} probe rounds, ${requests} requests, ${failed} failed (to dynos being stopped), fewest answering in a round: ${Math.min(...rounds.map((r) => r.ok.length))}`);
      for (const d of final) assert.equal((await lab.callDyno(spaceShortId, d.extended.ip)).dyno, d.name);
    });
  });
}
