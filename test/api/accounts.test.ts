import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

describe('accounts, API keys and teams', () => {
  let p: BootedPlatform;
  before(async () => {
    p = await bootPlatform();
  });
  after(() => p.close());

  test('GET /account returns the admin; every response carries a Request-Id', async () => {
    const res = await p.request('GET', '/account');
    assert.equal(res.status, 200);
    assert.equal(res.body.email, p.adminEmail);
    assert.match(res.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  test('missing, invalid and revoked keys get 401 unauthorized', async () => {
    for (const token of [null, 'HRKU-not-a-key']) {
      const res = await p.request('GET', '/account', { token });
      assert.equal(res.status, 401);
      assert.deepEqual(res.body, { id: 'unauthorized', message: 'Invalid credentials provided.' });
    }
    const login = await fetch(`${p.url}/oauth/authorizations`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${p.adminEmail}:${p.adminToken}`).toString('base64')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ description: 'test', scope: ['global'] }),
    });
    assert.equal(login.status, 201);
    const auth = (await login.json()) as { id: string; access_token: { token: string }; user: { email: string } };
    assert.equal(auth.user.email, p.adminEmail);
    const key = auth.access_token.token;
    assert.equal((await p.request('GET', '/account', { token: key })).status, 200);
    assert.equal((await p.request('DELETE', `/oauth/authorizations/${auth.id}`, { token: key })).status, 200);
    assert.equal((await p.request('GET', '/account', { token: key })).status, 401);
  });

  test('POST /oauth/authorizations accepts an email and password, rejects a wrong one', async () => {
    const created = await p.request('POST', '/users', { body: { email: 'pat@example.com', password: 'correct horse' } });
    assert.equal(created.status, 201);
    const basic = (pw: string) => `Basic ${Buffer.from(`pat@example.com:${pw}`).toString('base64')}`;
    const ok = await fetch(`${p.url}/oauth/authorizations`, { method: 'POST', headers: { Authorization: basic('correct horse') } });
    assert.equal(ok.status, 201);
    const bad = await fetch(`${p.url}/oauth/authorizations`, { method: 'POST', headers: { Authorization: basic('wrong') } });
    assert.equal(bad.status, 401);
  });

  test('malformed JSON is a 400 bad_request and changes nothing', async () => {
    const res = await p.request('POST', '/teams', { rawBody: '{"name": "half' });
    assert.equal(res.status, 400);
    assert.equal(res.body.id, 'bad_request');
    const teams = await p.request('GET', '/teams');
    assert.equal(teams.body.length, 0);
  });

  test('teams: create, members add/update/remove, last admin protected', async () => {
    assert.equal((await p.request('POST', '/teams', { body: { name: 'acme' } })).status, 201);
    assert.equal((await p.request('POST', '/teams', { body: { name: 'acme' } })).body.id, 'invalid_params');
    assert.equal((await p.request('POST', '/teams', { body: { name: 'Bad_Name' } })).status, 422);
    const added = await p.request('PUT', '/teams/acme/members', { body: { email: 'dev@example.com', role: 'member' } });
    assert.equal(added.status, 200);
    assert.equal(added.body.role, 'member');
    assert.equal((await p.request('PUT', '/teams/acme/members', { body: { email: 'dev@example.com', role: 'owner' } })).status, 422);
    const members = await p.request('GET', '/teams/acme/members');
    assert.deepEqual(members.body.map((m: { email: string; role: string }) => [m.email, m.role]).sort(), [
      [p.adminEmail, 'admin'],
      ['dev@example.com', 'member'],
    ]);
    const removeAdmin = await p.request('DELETE', `/teams/acme/members/${p.adminEmail}`);
    assert.equal(removeAdmin.status, 409);
    assert.equal((await p.request('DELETE', '/teams/acme/members/dev@example.com')).status, 200);
    assert.equal((await p.request('GET', '/teams/acme/members')).body.length, 1);
  });

  test('a non-member gets 404 for a team', async () => {
    const key = await p.createUser('outsider@example.com');
    const res = await p.request('GET', '/teams/acme', { token: key });
    assert.equal(res.status, 404);
    assert.equal(res.body.id, 'not_found');
  });

  test('unknown endpoints get a Heroku-style 404', async () => {
    const res = await p.request('GET', '/no-such-thing');
    assert.equal(res.status, 404);
    assert.equal(res.body.id, 'not_found');
  });
});
