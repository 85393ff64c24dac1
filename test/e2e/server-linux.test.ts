/**
 * `cove server` end to end with the linux runtime, inside this file's own unshare sandbox with a
 * simulated internet: a space becomes allocated because its network exists, a slug deployed
 * through the API runs as dynos answering on their private IPs, egress leaves from the space's
 * outbound IP, the zone drill reschedules, a SIGKILLed server's dynos keep serving and are
 * adopted on restart, and `--cleanup` leaves nothing behind.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CoveServer, type ApiDyno } from '../support/cove-server.js';
import { enterSandbox } from '../support/sandbox.js';

const run = promisify(execFile);
const inSandbox = enterSandbox(import.meta.url);

if (!inSandbox) {
  describe('cove server with the linux runtime', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const cove = new CoveServer({ tag: 'e2e' });
  const api = cove.api.bind(cove);
  const upDynos = (count: number, check?: (d: ApiDyno[]) => boolean): Promise<ApiDyno[] | undefined> => cove.upDynos('web-app', count, check);
  let internet: { stop(): void } | undefined;

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
    cgroups: ['memory', 'pids', 'cpu'].some((c) => existsSync(`/sys/fs/cgroup/${c}/${cove.cgroupParent}`)),
  });

  before(async () => {
    internet = await lab.makeInternet();
    await cove.start();
  });
  after(async () => {
    await cove.destroy();
    internet?.stop();
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
      await cove.deploySlug('web-app', await lab.makeSlug(), { space: 'prod' });
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
      await cove.stop('SIGKILL');
      const id = await shortId();
      for (const d of before10) assert.equal((await lab.callDyno(id, d.extended.ip)).dyno, d.name);
      await cove.start();
      const after10 = await lab.waitFor('ten dynos adopted', () => upDynos(10), 30_000);
      assert.deepEqual(after10.map((d) => d.id).sort(), before10.map((d) => d.id).sort());
      const objects = await kernelObjects();
      assert.equal(objects.netns.filter((n) => n.startsWith('cvd-')).length, 10);
      assert.equal(objects.netns.filter((n) => n.startsWith('cvs-') && n !== 'cvs-default').length, 1);
    });

    test('--cleanup leaves the host as it was', async () => {
      await cove.stop('SIGTERM');
      await cove.cleanup();
      assert.deepEqual(await kernelObjects(), { netns: [], links: [], tables: [], cgroups: false });
    });
  });
}
