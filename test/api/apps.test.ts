import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

describe('apps, config vars, releases, slugs and formation', () => {
  let p: BootedPlatform;
  before(async () => {
    p = await bootPlatform();
    await p.createSpace();
  });
  after(() => p.close());

  test('POST /apps with {} generates a name; URLs follow the base domain', async () => {
    const res = await p.request('POST', '/apps', { body: {} });
    assert.equal(res.status, 201);
    assert.match(res.body.name, /^[a-z]+-[a-z]+-\d{5}$/);
    assert.equal(res.body.web_url, `https://${res.body.name}.apps.test/`);
    assert.match(res.body.git_url, new RegExp(`/${res.body.name}\\.git$`));
    assert.equal(res.body.internal_routing, null);
    assert.equal(res.body.stack.name, 'heroku-24');
    assert.equal((await p.request('GET', `/apps/${res.body.id}`)).body.name, res.body.name);
  });

  test('internal routing: needs a space, chosen at creation only', async () => {
    const noSpace = await p.request('POST', '/teams/apps', { body: { name: 'lonely', team: 'acme', internal_routing: true } });
    assert.equal(noSpace.status, 422);
    assert.match(noSpace.body.message, /Private Space/);
    const res = await p.request('POST', '/teams/apps', { body: { name: 'api', space: 'prod', internal_routing: true } });
    assert.equal(res.status, 201);
    assert.equal(res.body.internal_routing, true);
    assert.equal(res.body.space.name, 'prod');
    assert.equal(res.body.team.name, 'acme');
    assert.equal(res.body.owner.email, 'acme@herokumanager.com');
    const change = await p.request('PATCH', '/apps/api', { body: { internal_routing: false } });
    assert.equal(change.status, 422);
    assert.match(change.body.message, /only be chosen when an app is created/);
    assert.equal((await p.request('GET', '/apps/api')).body.internal_routing, true);
  });

  test('app names follow Heroku\'s rules', async () => {
    for (const name of ['A-bad', '1abc', 'ab', 'has_underscore', 'x'.repeat(31), 'ends-']) {
      const res = await p.request('POST', '/apps', { body: { name } });
      assert.equal(res.status, 422, name);
      assert.equal(res.body.id, 'invalid_params');
    }
    assert.equal((await p.request('POST', '/apps', { body: { name: 'api' } })).body.message, 'Name api is already taken');
    assert.equal((await p.request('POST', '/teams/apps', { body: { name: 'ghost', space: 'nowhere' } })).status, 404);
  });

  test('lists: /apps, /users/~/apps, /teams/:team/apps', async () => {
    const team = await p.request('GET', '/teams/acme/apps');
    assert.deepEqual(team.body.map((a: { name: string }) => a.name), ['api']);
    assert.ok((await p.request('GET', '/users/~/apps')).body.some((a: { name: string }) => a.name === 'api'));
    assert.ok((await p.request('GET', '/apps')).body.length >= 2);
  });

  test('config vars: set and unset make releases; null unsets; bad keys refused', async () => {
    await p.request('POST', '/teams/apps', { body: { name: 'cfg', team: 'acme' } });
    const set = await p.request('PATCH', '/apps/cfg/config-vars', { body: { FOO: 'bar', N: '1' } });
    assert.deepEqual(set.body, { FOO: 'bar', N: '1' });
    const unset = await p.request('PATCH', '/apps/cfg/config-vars', { body: { N: null } });
    assert.deepEqual(unset.body, { FOO: 'bar' });
    const bad = await p.request('PATCH', '/apps/cfg/config-vars', { body: { 'BAD-KEY': 'x' } });
    assert.equal(bad.status, 422);
    assert.equal((await p.request('PATCH', '/apps/cfg/config-vars', { body: { OBJ: { a: 1 } } })).status, 422);
    const releases = await p.request('GET', '/apps/cfg/releases', { headers: { Range: 'version ..; order=desc,max=1' } });
    assert.equal(releases.body.length, 1);
    assert.equal(releases.body[0].version, 3);
    assert.equal(releases.body[0].description, 'Remove N config vars');
    assert.equal(releases.body[0].current, true);
    const all = await p.request('GET', '/apps/cfg/releases', { headers: { Range: 'version ..; max=15, order=desc' } });
    assert.deepEqual(all.body.map((r: { version: number }) => r.version), [3, 2, 1]);
    assert.deepEqual((await p.request('GET', '/apps/cfg/releases/2/config-vars')).body, { FOO: 'bar', N: '1' });
  });

  test('Range: pages with Next-Range; a malformed header is 416', async () => {
    const first = await p.request('GET', '/apps/cfg/releases', { headers: { Range: 'version ..; max=2' } });
    assert.equal(first.status, 206);
    assert.deepEqual(first.body.map((r: { version: number }) => r.version), [1, 2]);
    const next = first.headers.get('next-range');
    assert.ok(next);
    const second = await p.request('GET', '/apps/cfg/releases', { headers: { Range: next } });
    assert.equal(second.status, 200);
    assert.deepEqual(second.body.map((r: { version: number }) => r.version), [3]);
    const bad = await p.request('GET', '/apps/cfg/releases', { headers: { Range: 'bogus; max=x' } });
    assert.equal(bad.status, 416);
    assert.equal(bad.body.id, 'requested_range_not_satisfiable');
  });

  test('slugs deploy; formation scales with numbers, strings, +N/-N; dynos come up in zones', async () => {
    const { releaseVersion } = await p.deploySlug('api', { web: 'node server.js', worker: 'node worker.js' });
    assert.equal(releaseVersion, 2);
    const formation = await p.request('GET', '/apps/api/formation');
    assert.deepEqual(formation.body.map((f: { type: string; quantity: number; size: string }) => [f.type, f.quantity, f.size]), [
      ['web', 1, 'Private-S'],
      ['worker', 0, 'Private-S'],
    ]);
    const scaled = await p.request('PATCH', '/apps/api/formation', { body: { updates: [{ type: 'web', quantity: '3' }, { type: 'worker', quantity: '+1', size: 'Shield-M' }] } });
    assert.equal(scaled.status, 200);
    assert.deepEqual(scaled.body.map((f: { type: string; quantity: number; size: string }) => [f.type, f.quantity, f.size]), [
      ['web', 3, 'Private-S'],
      ['worker', 1, 'Private-M'],
    ]);
    const dynos = await p.waitFor('4 dynos up', async () => {
      const r = await p.request('GET', '/apps/api/dynos');
      return r.body.length === 4 && r.body.every((d: { state: string }) => d.state === 'up') ? r.body : undefined;
    });
    const web = dynos.filter((d: { type: string }) => d.type === 'web');
    assert.deepEqual(new Set(web.map((d: { extended: { az: string } }) => d.extended.az)), new Set(['a', 'b', 'c']));
    assert.deepEqual(dynos.map((d: { name: string }) => d.name).sort(), ['web.1', 'web.2', 'web.3', 'worker.1']);
    const topology = await p.request('GET', '/spaces/prod/topology');
    const app = topology.body.apps.find((a: { id: string }) => a.id === dynos[0].app.id);
    assert.ok(app.formations.find((f: { process_type: string }) => f.process_type === 'web').dynos.some((d: { hostname: string }) => d.hostname === '1.web.api.app.localspace'));
    const spaceDynos = await p.request('GET', '/spaces/prod/dynos');
    assert.equal(spaceDynos.body.find((g: { app_name: string }) => g.app_name === 'api').dynos.length, 4);
  });

  test('formation errors: negative, unknown type, unknown or wrong-place size', async () => {
    const cases: [unknown, number][] = [
      [{ type: 'web', quantity: '-5' }, 422],
      [{ type: 'web', quantity: -1 }, 422],
      [{ type: 'web', quantity: 'lots' }, 422],
      [{ type: 'nope', quantity: 1 }, 404],
      [{ type: 'web', size: 'Gigantic-9X' }, 422],
      [{ type: 'web', size: 'Standard-1X' }, 422],
    ];
    for (const [update, status] of cases) {
      const res = await p.request('PATCH', '/apps/api/formation', { body: { updates: [update] } });
      assert.equal(res.status, status, JSON.stringify(update));
    }
    assert.equal((await p.request('GET', '/apps/api/formation/web')).body.quantity, 3);
  });

  test('restart replaces dynos; scaling down removes them', async () => {
    const before = (await p.request('GET', '/apps/api/dynos')).body.map((d: { id: string }) => d.id);
    assert.equal((await p.request('DELETE', '/apps/api/dynos/web.2')).status, 202);
    await p.waitFor('web.2 replaced', async () => {
      const now = (await p.request('GET', '/apps/api/dynos')).body;
      const web2 = now.filter((d: { name: string }) => d.name === 'web.2');
      return web2.length === 1 && !before.includes(web2[0].id) && web2[0].state === 'up';
    });
    assert.equal((await p.request('DELETE', '/apps/api/dynos/web.9')).status, 404);
    await p.request('PATCH', '/apps/api/formation', { body: { updates: [{ type: 'web', quantity: '-2' }] } });
    await p.waitFor('web scaled to 1', async () => {
      const now = (await p.request('GET', '/apps/api/dynos')).body;
      return now.filter((d: { type: string }) => d.type === 'web').length === 1;
    });
  });

  test('rollback makes a new release with the old slug and config', async () => {
    await p.request('PATCH', '/apps/api/config-vars', { body: { MODE: 'new' } });
    const list = (await p.request('GET', '/apps/api/releases', { headers: { Range: 'version ..; max=10, order=desc' } })).body;
    const v2 = list.find((r: { version: number }) => r.version === 2);
    const res = await p.request('POST', '/apps/api/releases', { body: { release: v2.id } });
    assert.equal(res.status, 201);
    assert.equal(res.body.description, 'Rollback to v2');
    assert.equal(res.body.slug.id, v2.slug.id);
    assert.deepEqual((await p.request('GET', '/apps/api/config-vars')).body, {});
    assert.equal((await p.request('POST', '/apps/api/releases', { body: { release: 'v99' } })).status, 404);
  });

  test('slug upload: bad signature 401, not a tarball 422, release before upload 422', async () => {
    const slug = await p.request('POST', '/apps/api/slugs', { body: { process_types: { web: 'x' } } });
    assert.equal((await fetch(`${p.url}/slugs/${slug.body.id}/blob?token=nope`, { method: 'PUT', body: 'x' })).status, 401);
    assert.equal((await p.request('POST', '/apps/api/releases', { body: { slug: slug.body.id } })).status, 422);
    const junk = await fetch(slug.body.blob.url, { method: 'PUT', body: 'not a tarball' });
    assert.equal(junk.status, 422);
    assert.equal((await p.request('POST', '/apps/api/slugs', { body: { process_types: { 'bad type': 'x' } } })).status, 422);
  });

  test('a viewer can read but not change an app', async () => {
    const key = await p.createUser('ro@example.com');
    await p.request('PUT', '/teams/acme/members', { body: { email: 'ro@example.com', role: 'viewer' } });
    assert.equal((await p.request('GET', '/apps/api', { token: key })).status, 200);
    assert.equal((await p.request('PATCH', '/apps/api/config-vars', { token: key, body: { A: '1' } })).status, 403);
    assert.equal((await p.request('PATCH', '/apps/api/formation', { token: key, body: { updates: [{ type: 'web', quantity: 2 }] } })).status, 403);
  });

  test('the heroku CLI\'s side calls: pipeline-couplings 404, addons [], features []', async () => {
    assert.equal((await p.request('GET', '/apps/api/pipeline-couplings')).status, 404);
    assert.deepEqual((await p.request('GET', '/apps/api/addons')).body, []);
    assert.deepEqual((await p.request('GET', '/teams/acme/features')).body, []);
  });
});
