import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { test } from 'node:test';
import { bootPlatform } from '../support/boot-platform.js';

test('restarting the server keeps every resource and token', async () => {
  const first = await bootPlatform();
  const dataDir = first.dataDir;
  let second;
  try {
    await first.request('POST', '/teams', { body: { name: 'acme' } });
    await first.request('POST', '/spaces', { body: { name: 'prod', team: 'acme', cidr: '10.20.0.0/16' } });
    await first.request('PUT', '/spaces/prod/inbound-ruleset', { body: { rules: [{ action: 'allow', source: '198.51.100.0/24' }] } });
    await first.request('POST', '/teams/apps', { body: { name: 'api', space: 'prod', internal_routing: true } });
    await first.request('PATCH', '/apps/api/config-vars', { body: { SECRET: 's3cret' } });
    await first.deploySlug('api', { web: 'node server.js' });
    await first.request('PATCH', '/apps/api/formation', { body: { updates: [{ type: 'web', quantity: 2 }] } });
    const userKey = await first.createUser('dev@example.com');
    await first.request('PUT', '/teams/acme/members', { body: { email: 'dev@example.com', role: 'member' } });

    second = await first.restart();
    assert.equal((await second.request('GET', '/account')).status, 200, 'admin token survives');
    assert.equal((await second.request('GET', '/account', { token: userKey })).body.email, 'dev@example.com');
    const space = (await second.request('GET', '/spaces/prod')).body;
    assert.equal(space.cidr, '10.20.0.0/16');
    assert.deepEqual((await second.request('GET', '/spaces/prod/inbound-ruleset')).body.rules, [{ action: 'allow', source: '198.51.100.0/24' }]);
    const app = (await second.request('GET', '/apps/api')).body;
    assert.equal(app.internal_routing, true);
    assert.deepEqual((await second.request('GET', '/apps/api/config-vars')).body, { SECRET: 's3cret' });
    assert.deepEqual((await second.request('GET', '/apps/api/releases')).body.map((r: { version: number }) => r.version), [1, 2, 3]);
    assert.equal((await second.request('GET', '/apps/api/formation/web')).body.quantity, 2);
    assert.equal((await second.request('GET', '/teams/acme/members')).body.length, 2);
  } finally {
    await (second ?? first).close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
