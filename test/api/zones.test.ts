import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

let p: BootedPlatform;
before(async () => {
  p = await bootPlatform();
  await p.createSpace();
  await p.request('POST', '/teams/apps', { body: { name: 'web-app', space: 'prod' } });
  await p.deploySlug('web-app', { web: 'node server.js' });
  await p.request('PATCH', '/apps/web-app/formation', { body: { updates: [{ type: 'web', quantity: 3 }] } });
});
after(() => p.close());

async function zonesOfUpDynos(): Promise<string[] | undefined> {
  const dynos = (await p.request('GET', '/apps/web-app/dynos')).body as { state: string; extended: { az: string } }[];
  if (dynos.length !== 3 || dynos.some((d) => d.state !== 'up')) return undefined;
  return dynos.map((d) => d.extended.az).sort();
}

test('GET /spaces/:space/network: the DNS resolver, the internal router and each zone\'s subnet and gateway, from the CIDR', async () => {
  const res = await p.request('GET', '/spaces/prod/network');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, {
    cidr: '10.0.0.0/16',
    dns_address: '10.0.0.2',
    router_address: '10.0.0.10',
    zones: [
      { name: 'a', subnet: '10.0.128.0/20', gateway: '10.0.128.1' },
      { name: 'b', subnet: '10.0.144.0/20', gateway: '10.0.144.1' },
      { name: 'c', subnet: '10.0.160.0/20', gateway: '10.0.160.1' },
    ],
  });
  assert.equal((await p.request('GET', '/spaces/nowhere/network')).status, 404);
});

test('zone drill: a failed zone\'s dynos are rescheduled into healthy zones, and spread again on recovery', async () => {
  assert.deepEqual(await p.waitFor('3 dynos in 3 zones', zonesOfUpDynos), ['a', 'b', 'c']);
  await p.request('POST', '/spaces/prod/zones/b/actions/fail');
  const failed = await p.waitFor('rescheduled', async () => {
    const zones = await zonesOfUpDynos();
    return zones !== undefined && !zones.includes('b') ? zones : undefined;
  });
  assert.equal(failed.length, 3);
  const view = (await p.request('GET', '/spaces/prod/zones')).body as { name: string; healthy: boolean; dynos: unknown[] }[];
  assert.deepEqual(view.map((z) => [z.name, z.healthy, z.dynos.length > 0]), [
    ['a', true, true],
    ['b', false, false],
    ['c', true, true],
  ]);
  await p.request('POST', '/spaces/prod/zones/b/actions/recover');
  assert.deepEqual(
    await p.waitFor('redistributed', async () => {
      const zones = await zonesOfUpDynos();
      return zones?.join() === 'a,b,c' ? zones : undefined;
    }),
    ['a', 'b', 'c'],
  );
});
