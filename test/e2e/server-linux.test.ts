/**
 * `cove server` end to end with the linux runtime, inside this file's own unshare sandbox with a
 * simulated internet: a space becomes allocated because its network exists, a slug deployed
 * through the API runs as dynos answering on their private IPs, egress leaves from the space's
 * outbound IP, the zone drill reschedules, a SIGKILLed server's dynos keep serving and are
 * adopted on restart, and `--cleanup` leaves nothing behind.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { enterSandbox } from '../support/sandbox.js';

const run = promisify(execFile);
const inSandbox = enterSandbox(import.meta.url);
const SERVER = new URL('../../../packages/platform/dist/bin/server.js', import.meta.url).pathname;
const TOKEN = 'HRKU-e2e-token-0123456789abcdef';
const API = 'http://127.0.0.1:5000';
const CGROUP = `cove-e2e-${process.pid}`;

if (!inSandbox) {
  describe('cove server with the linux runtime', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  let internet: { stop(): void } | undefined;
  let dataDir = '';
  let server: ChildProcess | undefined;

  const startServer = async (extra: string[] = []): Promise<ChildProcess> => {
    const child = spawn(
      process.execPath,
      [SERVER, '--data-dir', dataDir, '--api', '127.0.0.1:5000', '--domain', 'apps.test', '--public-interface', 'up0',
        '--outbound-ips', '203.0.113.10-203.0.113.12', '--cgroup-parent', CGROUP, '--reconcile-interval', '300', ...extra],
      { env: { ...process.env, COVE_ADMIN_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        // The banner comes in several writes: wait for its last line before reading it.
        if (out.includes('Cove is running') && out.includes('Admin:')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`cove server exited with ${code}: ${out}`)));
    });
    if (!/Runtime:\s+linux/.test(out)) child.kill('SIGKILL');
    assert.match(out, /Runtime:\s+linux/);
    return child;
  };

  const api = async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${API}${path}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/vnd.heroku+json; version=3', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as unknown;
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  type Dyno = { id: string; name: string; state: string; extended: { ip: string; az: string } };
  const upDynos = async (count: number, check: (d: Dyno[]) => boolean = () => true): Promise<Dyno[] | undefined> => {
    const dynos = (await api('GET', '/apps/web-app/dynos')) as Dyno[];
    return dynos.length === count && dynos.every((d) => d.state === 'up') && check(dynos) ? dynos : undefined;
  };
  const shortId = async (): Promise<string> => {
    const { stdout } = await run('ip', ['netns', 'list']);
    const id = /cvs-([0-9a-f]{8})/.exec(stdout)?.[1];
    assert.ok(id, `no space netns in: ${stdout}`);
    return id;
  };
  const kernelObjects = async (): Promise<{ netns: string[]; links: string[]; tables: string[]; cgroups: boolean }> => ({
    netns: (await run('ip', ['netns', 'list'])).stdout.split('\n').map((l) => l.split(' ')[0] ?? '').filter((n) => n.startsWith('cv')),
    links: (JSON.parse((await run('ip', ['-j', 'link', 'show'])).stdout) as { ifname: string }[]).map((l) => l.ifname).filter((n) => n.startsWith('cv')),
    tables: (JSON.parse((await run('nft', ['-j', 'list', 'tables'])).stdout) as { nftables: { table?: { name: string } }[] }).nftables
      .flatMap((e) => (e.table === undefined ? [] : [e.table.name]))
      .filter((n) => n === 'cove'),
    cgroups: ['memory', 'pids', 'cpu'].some((c) => existsSync(`/sys/fs/cgroup/${c}/${CGROUP}`)),
  });

  before(async () => {
    internet = await lab.makeInternet();
    dataDir = await mkdtemp(join(tmpdir(), 'cove-e2e-'));
    server = await startServer();
  });
  after(async () => {
    server?.kill('SIGKILL');
    await run(process.execPath, [SERVER, '--cleanup', '--data-dir', dataDir, '--cgroup-parent', CGROUP]).catch(() => undefined);
    internet?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('cove server with the linux runtime', () => {
    test('a space is allocated once its network exists, with its stable outbound IP', async () => {
      await api('POST', '/teams', { name: 'acme' });
      await api('POST', '/spaces', { name: 'prod', team: 'acme' });
      const space = await lab.waitFor('allocated', async () => {
        const s = await api('GET', '/spaces/prod');
        return s.state === 'allocated' ? s : undefined;
      });
      assert.equal(space.cidr, '10.0.0.0/16');
      assert.ok((await run('ip', ['netns', 'list'])).stdout.includes(`cvs-${await shortId()}`));
      assert.deepEqual((await api('GET', '/spaces/prod/nat')).sources, ['203.0.113.10']);
    });

    test('a slug deployed through the API and scaled to web=2 gives two up dynos answering on their private IPs', async () => {
      await api('POST', '/teams/apps', { name: 'web-app', space: 'prod' });
      const slug = await api('POST', '/apps/web-app/slugs', { process_types: { web: 'node app.js' } });
      const put = await fetch(slug.blob.url, { method: 'PUT', body: await readFile(await lab.makeSlug()) });
      assert.equal(put.status, 200);
      await api('POST', '/apps/web-app/releases', { slug: slug.id });
      await api('PATCH', '/apps/web-app/formation', { updates: [{ type: 'web', quantity: '2' }] });
      const dynos = await lab.waitFor('two web dynos up', () => upDynos(2));
      const id = await shortId();
      for (const d of dynos) {
        const report = await lab.callDyno(id, d.extended.ip);
        assert.equal(report.dyno, d.name);
        assert.equal(report.ip, d.extended.ip);
        assert.notEqual(report.uid, 0);
      }
      const egress = await lab.inDyno(id, dynos[0]?.extended.ip ?? '', `node -e "$(cat probe.js)" tcp ${lab.INTERNET_HOST} ${lab.WHOAMI_PORT}`);
      assert.equal(egress.stdout.trim(), 'ok "203.0.113.10"');
      const topology = await api('GET', '/spaces/prod/topology');
      assert.deepEqual(
        topology.apps[0].formations[0].dynos.map((d: { private_ip: string }) => d.private_ip).sort(),
        dynos.map((d) => d.extended.ip).sort(),
      );
    });

    test('zone drill: failing a zone brings the formation back to full count in healthy zones within 10 s; recovery spreads it again', async () => {
      await api('PATCH', '/apps/web-app/formation', { updates: [{ type: 'web', quantity: 3 }] });
      await lab.waitFor('three zones', () => upDynos(3, (d) => new Set(d.map((x) => x.extended.az)).size === 3));
      await api('POST', '/spaces/prod/zones/b/actions/fail');
      const moved = await lab.waitFor('rescheduled out of zone b', () => upDynos(3, (d) => d.every((x) => x.extended.az !== 'b')), 10_000);
      assert.equal(moved.length, 3);
      await api('POST', '/spaces/prod/zones/b/actions/recover');
      await lab.waitFor('spread again', () => upDynos(3, (d) => new Set(d.map((x) => x.extended.az)).size === 3), 20_000);
    });

    test('kill -9 with 10 dynos: they keep serving, the restarted server adopts the same formation, nothing leaks', async () => {
      await api('PATCH', '/apps/web-app/formation', { updates: [{ type: 'web', quantity: 10 }] });
      const before10 = await lab.waitFor('ten dynos up', () => upDynos(10), 60_000);
      server?.kill('SIGKILL');
      await new Promise((r) => server?.once('exit', r));
      const id = await shortId();
      for (const d of before10) assert.equal((await lab.callDyno(id, d.extended.ip)).dyno, d.name);
      server = await startServer();
      const after10 = await lab.waitFor('ten dynos adopted', () => upDynos(10), 30_000);
      assert.deepEqual(after10.map((d) => d.id).sort(), before10.map((d) => d.id).sort());
      const objects = await kernelObjects();
      assert.equal(objects.netns.filter((n) => n.startsWith('cvd-')).length, 10);
      assert.equal(objects.netns.filter((n) => n.startsWith('cvs-') && n !== 'cvs-default').length, 1);
    });

    test('--cleanup leaves the host as it was', async () => {
      server?.kill('SIGTERM');
      await new Promise((r) => server?.once('exit', r));
      server = undefined;
      await run(process.execPath, [SERVER, '--cleanup', '--data-dir', dataDir, '--cgroup-parent', CGROUP]);
      assert.deepEqual(await kernelObjects(), { netns: [], links: [], tables: [], cgroups: false });
    });
  });
}
