/**
 * Request bodies are checked by the JSON schemas of @cove/schema before a route runs: a field
 * of the wrong type gets the same Heroku-style `invalid_params` answer the domain gives, and
 * nothing is coerced (a string "true" is not a boolean).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

let p: BootedPlatform;
before(async () => {
  p = await bootPlatform();
  await p.request('POST', '/teams', { body: { name: 'acme' } });
  await p.request('POST', '/apps', { body: { name: 'plain-app' } });
});
after(() => p.close());

const cases: [method: string, path: string, body: unknown, message: string][] = [
  ['POST', '/spaces', { name: 5, team: 'acme' }, 'Space name must be a non-empty string.'],
  ['POST', '/spaces', { name: 'prod', team: 'acme', shield: 'true' }, 'Shield must be true or false.'],
  ['POST', '/spaces', { name: 'prod', team: 7 }, 'Team must be a team name or id.'],
  ['POST', '/spaces', { name: 'prod', team: 'acme', cidr: 10 }, 'CIDR must be a CIDR string such as "10.0.0.0/16".'],
  ['POST', '/teams', { name: ['x'] }, 'Team name must be a non-empty string.'],
  ['PUT', '/teams/acme/members', { email: 'dev@example.com', role: 'owner' }, 'Role must be one of: admin, member, viewer.'],
  ['POST', '/apps', { name: 42 }, 'Name must be a non-empty string.'],
  ['PATCH', '/apps/plain-app', { maintenance: 'true' }, 'maintenance must be true or false.'],
  ['POST', '/apps/plain-app/domains', { hostname: 1 }, 'hostname is required.'],
  ['PUT', '/apps/plain-app/inbound-ruleset', { rules: ['10.0.0.0/8'] }, 'Each rule must be an object {action, source}.'],
  ['POST', '/users', { email: 'new@example.com', password: 'short' }, 'Password must be a string of at least 8 characters.'],
];

for (const [method, path, body, message] of cases) {
  test(`${method} ${path} ${JSON.stringify(body)} → invalid_params "${message}"`, async () => {
    const res = await p.request(method, path, { body });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body, { id: 'invalid_params', message });
  });
}

test('a body that is not an object is still a bad request', async () => {
  const res = await p.request('POST', '/spaces', { body: ['prod'] });
  assert.equal(res.status, 400);
  assert.deepEqual(res.body, { id: 'bad_request', message: 'Request body must be a JSON object.' });
});

test('an empty body is still accepted where every field is optional', async () => {
  const res = await p.request('POST', '/apps');
  assert.equal(res.status, 201);
});
