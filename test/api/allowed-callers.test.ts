import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

type Ref = { id: string; name: string };

describe('/apps/:app/allowed-callers', () => {
  let p: BootedPlatform;
  let memberKey = '';
  let viewerKey = '';
  let outsiderKey = '';
  const ids = new Map<string, string>();
  const names = (body: { apps: Ref[] }): string[] => body.apps.map((a) => a.name);
  const put = (app: string, apps: unknown, token?: string) => p.request('PUT', `/apps/${app}/allowed-callers`, { body: { apps }, ...(token === undefined ? {} : { token }) });

  before(async () => {
    p = await bootPlatform();
    memberKey = await p.createUser('member@example.com');
    viewerKey = await p.createUser('viewer@example.com');
    outsiderKey = await p.createUser('outsider@example.com');
    await p.request('POST', '/teams', { body: { name: 'acme' } });
    await p.request('PUT', '/teams/acme/members', { body: { email: 'member@example.com', role: 'member' } });
    await p.request('PUT', '/teams/acme/members', { body: { email: 'viewer@example.com', role: 'viewer' } });
    await p.request('POST', '/spaces', { body: { name: 'prod', team: 'acme' } });
    await p.request('POST', '/spaces', { body: { name: 'other', team: 'acme', cidr: '10.1.0.0/16' } });
    for (const [name, space, internal] of [['api', 'prod', true], ['billing', 'prod', false], ['web-ui', 'prod', false], ['far', 'other', false], ['pub', 'prod', false]] as const) {
      const res = await p.request('POST', '/teams/apps', { body: { name, space, internal_routing: internal } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids.set(name, res.body.id as string);
    }
    ids.set('plain', (await p.request('POST', '/apps', { body: { name: 'plain' } })).body.id as string);
  });
  after(async () => {
    await p.close();
    await rm(p.dataDir, { recursive: true, force: true });
  });

  test('GET is a 404 until a list is set: every app of the space may call, as on Heroku', async () => {
    const res = await p.request('GET', '/apps/api/allowed-callers');
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { id: 'not_found', message: "Couldn't find a caller list for that app.", resource: 'allowed_callers' });
  });

  test('PUT takes names or ids, answers the list as {id, name} refs sorted by name, and GET reads it back', async () => {
    const res = await put('api', ['web-ui', ids.get('billing'), 'billing']);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.apps, [{ id: ids.get('billing'), name: 'billing' }, { id: ids.get('web-ui'), name: 'web-ui' }]);
    assert.deepEqual(res.body.app, { id: ids.get('api'), name: 'api' });
    assert.equal(res.body.created_by, p.adminEmail);
    assert.match(res.body.created_at, /^\d{4}-\d\d-\d\dT/);
    assert.match(res.body.id, /^[0-9a-f-]{36}$/);
    const got = await p.request('GET', `/apps/${ids.get('api')}/allowed-callers`);
    assert.deepEqual(got.body, res.body);
    // What GET returns can be PUT back (the CLI edits lists that way).
    const again = await put('api', got.body.apps);
    assert.deepEqual(names(again.body), ['billing', 'web-ui']);
  });

  test('PUT replaces the whole list; an empty list is kept (only the app itself may call)', async () => {
    assert.deepEqual(names((await put('api', ['web-ui'])).body), ['web-ui']);
    const empty = await put('api', []);
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.body.apps, []);
    assert.deepEqual((await p.request('GET', '/apps/api/allowed-callers')).body.apps, []);
  });

  test('PUT refuses public apps and apps outside a space with a 422, and changes nothing', async () => {
    const pub = await put('pub', ['billing']);
    assert.equal(pub.status, 422);
    assert.equal(pub.body.id, 'unprocessable_entity');
    assert.match(pub.body.message, /^App pub is not an internal-routing app\. Allowed callers only apply to internal routing/);
    const plain = await put('plain', []);
    assert.equal(plain.status, 422);
    assert.equal(plain.body.id, 'unprocessable_entity');
    assert.match(plain.body.message, /^App plain is not in a space\./);
    assert.equal((await p.request('GET', '/apps/pub/allowed-callers')).status, 404);
    assert.equal((await p.request('GET', '/apps/plain/allowed-callers')).status, 404);
  });

  test('PUT refuses unknown apps, apps of another space and malformed bodies with a 422 naming the problem, and keeps the old list', async () => {
    await put('api', ['billing']);
    const cases: [unknown, RegExp][] = [
      [['billing', 'nope'], /^Couldn't find app "nope" to allow as a caller\.$/],
      [['far'], /^App far is not in space prod: only apps of the same space can call api\.$/],
      ['billing', /^apps must be a list of app names or ids\.$/],
      [undefined, /^apps must be a list of app names or ids\.$/],
      [[42], /^apps must be a list of app names or ids, got 42\.$/],
      [[''], /^apps must be a list of app names or ids, got ""\.$/],
      [[{ nick: 'billing' }], /^apps must be a list of app names or ids, got \{"nick":"billing"\}\.$/],
      [Array.from({ length: 501 }, () => 'billing'), /at most 500 apps/],
    ];
    for (const [apps, message] of cases) {
      const res = await p.request('PUT', '/apps/api/allowed-callers', { body: apps === undefined ? {} : { apps } });
      assert.equal(res.status, 422, JSON.stringify(apps));
      assert.equal(res.body.id, 'invalid_params');
      assert.match(res.body.message, message);
    }
    assert.equal((await p.request('PUT', '/apps/api/allowed-callers', { rawBody: '[1]' })).status, 400);
    assert.equal((await p.request('PUT', '/apps/nope/allowed-callers', { body: { apps: [] } })).status, 404);
    assert.deepEqual(names((await p.request('GET', '/apps/api/allowed-callers')).body), ['billing']);
  });

  test('permissions: members manage, viewers only look, outsiders get 404 and cannot name the team\'s apps', async () => {
    assert.equal((await put('api', ['web-ui'], memberKey)).status, 200);
    assert.equal((await p.request('GET', '/apps/api/allowed-callers', { token: viewerKey })).status, 200);
    const viewerPut = await put('api', [], viewerKey);
    assert.equal(viewerPut.status, 403);
    assert.equal(viewerPut.body.id, 'forbidden');
    assert.equal((await p.request('DELETE', '/apps/api/allowed-callers', { token: viewerKey })).status, 403);
    assert.equal((await p.request('GET', '/apps/api/allowed-callers', { token: outsiderKey })).status, 404);
    assert.equal((await put('api', [], outsiderKey)).status, 404);
    assert.deepEqual(names((await p.request('GET', '/apps/api/allowed-callers')).body), ['web-ui']);
  });

  test('a destroyed listed app leaves the list; a renamed one shows its new name', async () => {
    const temp = await p.request('POST', '/teams/apps', { body: { name: 'temp', space: 'prod' } });
    assert.equal(temp.status, 201);
    await put('api', ['temp', 'web-ui']);
    assert.equal((await p.request('PATCH', '/apps/web-ui', { body: { name: 'web-ui2' } })).status, 200);
    assert.equal((await p.request('DELETE', '/apps/temp')).status, 200);
    assert.deepEqual((await p.request('GET', '/apps/api/allowed-callers')).body.apps, [{ id: ids.get('web-ui'), name: 'web-ui2' }]);
    await p.request('PATCH', '/apps/web-ui2', { body: { name: 'web-ui' } });
  });

  test('DELETE removes the list (back to every app of the space) and answers what it was; a second DELETE is a 404', async () => {
    await put('api', ['billing']);
    const res = await p.request('DELETE', '/apps/api/allowed-callers');
    assert.equal(res.status, 200);
    assert.deepEqual(names(res.body), ['billing']);
    assert.equal((await p.request('GET', '/apps/api/allowed-callers')).status, 404);
    assert.equal((await p.request('DELETE', '/apps/api/allowed-callers')).status, 404);
  });

  test('the list survives a restart, and destroying the app removes it', async () => {
    await put('api', ['billing']);
    p = await p.restart();
    assert.deepEqual(names((await p.request('GET', '/apps/api/allowed-callers')).body), ['billing']);
    assert.equal((await p.request('DELETE', '/apps/api')).status, 200);
    assert.equal((await p.request('GET', `/apps/${ids.get('api')}/allowed-callers`)).status, 404);
  });
});
