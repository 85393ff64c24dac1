import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

describe('spaces', () => {
  let p: BootedPlatform;
  let memberKey: string;
  let viewerKey: string;
  before(async () => {
    p = await bootPlatform();
    await p.request('POST', '/teams', { body: { name: 'acme' } });
    await p.request('POST', '/teams', { body: { name: 'globex' } });
    memberKey = await p.createUser('member@example.com');
    viewerKey = await p.createUser('viewer@example.com');
    await p.request('PUT', '/teams/acme/members', { body: { email: 'member@example.com', role: 'member' } });
    await p.request('PUT', '/teams/acme/members', { body: { email: 'viewer@example.com', role: 'viewer' } });
  });
  after(() => p.close());

  test('create with defaults, then the reconciler allocates it once the runtime is ready', async () => {
    const res = await p.request('POST', '/spaces', { body: { name: 'prod', team: 'acme', generation: 'cedar', features: [] } });
    assert.equal(res.status, 201);
    assert.equal(res.body.state, 'allocating');
    assert.equal(res.body.cidr, '10.0.0.0/16');
    assert.equal(res.body.data_cidr, '10.1.0.0/16');
    assert.equal(res.body.team.name, 'acme');
    const space = await p.waitFor('allocated', async () => {
      const r = await p.request('GET', '/spaces/prod');
      return r.body.state === 'allocated' ? r.body : undefined;
    });
    assert.equal(space.region.name, 'local');
    const nat = await p.request('GET', '/spaces/prod/nat');
    assert.equal(nat.body.state, 'enabled');
    assert.equal(nat.body.sources.length, 1);
    const expanded = await p.request('GET', '/spaces/prod', { headers: { 'Accept-Expansion': 'region' } });
    assert.equal(typeof expanded.body.region.description, 'string');
  });

  test('two spaces may use the same CIDR', async () => {
    const res = await p.request('POST', '/spaces', { body: { name: 'staging', team: 'acme', cidr: '10.0.0.0/16' } });
    assert.equal(res.status, 201);
  });

  test('bad network settings and names are refused and nothing is created', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: 'bad1', team: 'acme', cidr: '8.8.0.0/16' }, /RFC 1918/],
      [{ name: 'bad2', team: 'acme', cidr: '10.0.0.0/17' }, /\/16/],
      [{ name: 'bad3', team: 'acme', cidr: '10.0.0.0' }, /not a valid/],
      [{ name: 'bad4', team: 'acme', cidr: '10.0.0.1/16' }, /did you mean "10.0.0.0\/16"/],
      [{ name: 'bad5', team: 'acme', cidr: '10.0.0.0/16', data_cidr: '10.0.128.0/20' }, /overlaps/],
      [{ name: 'Bad_Name', team: 'acme' }, /Space name/],
      [{ name: 'prod', team: 'acme' }, /already taken/],
      [{ name: 'bad6' }, /Team is required/],
    ];
    for (const [body, message] of cases) {
      const res = await p.request('POST', '/spaces', { body });
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.equal(res.body.id, 'invalid_params');
      assert.match(res.body.message, message);
    }
    assert.equal((await p.request('POST', '/spaces', { body: { name: 'bad7', team: 'nope' } })).status, 404);
    assert.equal((await p.request('POST', '/spaces', { body: { name: 'bad8', team: 'acme', region: 'mars' } })).status, 404);
    const names = (await p.request('GET', '/spaces')).body.map((s: { name: string }) => s.name);
    assert.deepEqual(names, ['prod', 'staging']);
  });

  test('only team admins create or change spaces; members view; outsiders get 404', async () => {
    const create = await p.request('POST', '/spaces', { token: memberKey, body: { name: 'mine', team: 'acme' } });
    assert.equal(create.status, 403);
    assert.equal(create.body.id, 'forbidden');
    assert.equal((await p.request('GET', '/spaces/prod', { token: viewerKey })).status, 200);
    assert.equal((await p.request('PATCH', '/spaces/prod', { token: memberKey, body: { name: 'x-prod' } })).status, 403);
    assert.equal((await p.request('PUT', '/spaces/prod/inbound-ruleset', { token: memberKey, body: { rules: [] } })).status, 403);
    const outsider = await p.createUser('stranger@example.com');
    assert.equal((await p.request('GET', '/spaces/prod', { token: outsider })).status, 404);
    assert.equal((await p.request('GET', '/spaces', { token: outsider })).body.length, 0);
  });

  test('trusted IP ranges: default 0.0.0.0/0, the echoed object is accepted, limits enforced', async () => {
    const current = await p.request('GET', '/spaces/prod/inbound-ruleset');
    assert.deepEqual(current.body.rules, [{ action: 'allow', source: '0.0.0.0/0' }]);
    const echoed = { ...current.body, rules: [...current.body.rules, { action: 'allow', source: '203.0.113.0/24' }] };
    const put = await p.request('PUT', '/spaces/prod/inbound-ruleset', { body: echoed });
    assert.equal(put.status, 200);
    assert.equal(put.body.rules.length, 2);
    const tooMany = Array.from({ length: 21 }, (_, i) => ({ action: 'allow', source: `198.51.100.${i}/32` }));
    const over = await p.request('PUT', '/spaces/prod/inbound-ruleset', { body: { rules: tooMany } });
    assert.equal(over.status, 422);
    assert.match(over.body.message, /at most 20/);
    const malformed = await p.request('PUT', '/spaces/prod/inbound-ruleset', { body: { rules: [{ action: 'allow', source: '300.1.1.1/32' }] } });
    assert.equal(malformed.status, 422);
    assert.equal((await p.request('GET', '/spaces/prod/inbound-ruleset')).body.rules.length, 2);
    const empty = await p.request('PUT', '/spaces/prod/inbound-ruleset', { body: { rules: [] } });
    assert.deepEqual(empty.body.rules, []);
  });

  test('rename, transfer (apps move along), destroy only when empty', async () => {
    assert.equal((await p.request('PATCH', '/spaces/staging', { body: { name: 'stage' } })).body.name, 'stage');
    assert.equal((await p.request('PATCH', '/spaces/stage', { body: { name: 'prod' } })).status, 422);
    assert.equal((await p.request('PATCH', '/spaces/stage', { body: { cidr: '10.9.0.0/16' } })).status, 422);
    const app = await p.request('POST', '/teams/apps', { body: { name: 'stage-web', space: 'stage' } });
    assert.equal(app.status, 201);
    const moved = await p.request('POST', '/spaces/stage/transfer', { body: { new_owner: 'globex' } });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.team.name, 'globex');
    assert.equal((await p.request('GET', '/apps/stage-web')).body.team.name, 'globex');
    const refused = await p.request('DELETE', '/spaces/stage');
    assert.equal(refused.status, 422);
    assert.match(refused.body.message, /stage-web/);
    assert.equal((await p.request('DELETE', '/apps/stage-web')).status, 200);
    assert.equal((await p.request('DELETE', '/spaces/stage')).body.state, 'deleting');
    await p.waitFor('space removed', async () => (await p.request('GET', '/spaces/stage')).status === 404);
  });

  test('app creation in a space needs admin or the create_apps grant', async () => {
    const denied = await p.request('POST', '/teams/apps', { token: memberKey, body: { name: 'member-app', space: 'prod' } });
    assert.equal(denied.status, 403);
    assert.equal((await p.request('GET', '/apps/member-app')).status, 404);
    const grant = await p.request('PATCH', '/spaces/prod/members/member@example.com', { body: { permissions: [{ name: 'create_apps' }] } });
    assert.equal(grant.status, 200);
    assert.deepEqual(grant.body.permissions.map((x: { name: string }) => x.name), ['create_apps']);
    const viewerGrant = await p.request('PATCH', '/spaces/prod/members/viewer@example.com', { body: { permissions: [{ name: 'create_apps' }] } });
    assert.equal(viewerGrant.status, 422);
    const allowed = await p.request('POST', '/teams/apps', { token: memberKey, body: { name: 'member-app', space: 'prod' } });
    assert.equal(allowed.status, 201);
    assert.equal(allowed.body.space.name, 'prod');
    await p.request('PATCH', '/spaces/prod/members/member@example.com', { body: { permissions: [] } });
    assert.equal((await p.request('POST', '/teams/apps', { token: memberKey, body: { name: 'member-app2', space: 'prod' } })).status, 403);
  });

  test('zones: three per space; failing one is admin-only and the last healthy zone is kept', async () => {
    const zones = await p.request('GET', '/spaces/prod/zones');
    assert.deepEqual(zones.body.map((z: { name: string; subnet: string }) => [z.name, z.subnet]), [
      ['a', '10.0.128.0/20'],
      ['b', '10.0.144.0/20'],
      ['c', '10.0.160.0/20'],
    ]);
    assert.equal((await p.request('POST', '/spaces/prod/zones/a/actions/fail', { token: memberKey })).status, 403);
    assert.equal((await p.request('POST', '/spaces/prod/zones/a/actions/fail')).body.healthy, false);
    assert.equal((await p.request('POST', '/spaces/prod/zones/b/actions/fail')).body.healthy, false);
    assert.equal((await p.request('POST', '/spaces/prod/zones/c/actions/fail')).status, 403);
    await p.request('POST', '/spaces/prod/zones/a/actions/recover');
    await p.request('POST', '/spaces/prod/zones/b/actions/recover');
    assert.ok((await p.request('GET', '/spaces/prod/zones')).body.every((z: { healthy: boolean }) => z.healthy));
  });
});

describe('spaces without a runtime', () => {
  test('stay allocating: never allocated without a network', async () => {
    const p = await bootPlatform({ runtime: 'none' });
    try {
      await p.request('POST', '/teams', { body: { name: 'acme' } });
      assert.equal((await p.request('POST', '/spaces', { body: { name: 'prod', team: 'acme' } })).status, 201);
      const passes = p.platform.reconciler.passes;
      await p.waitFor('two reconciler passes', async () => p.platform.reconciler.passes >= passes + 2);
      assert.equal((await p.request('GET', '/spaces/prod')).body.state, 'allocating');
      assert.match(p.platform.store.spaces.byNameOrId('prod')?.lastError ?? '', /No runtime is available/);
      assert.deepEqual((await p.request('GET', '/spaces/prod/nat')).body.sources, []);
    } finally {
      await p.close();
    }
  });
});
