import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { coveFor, ok, type Cove } from './cove-runner.js';

let p: BootedPlatform;
let cove: Cove;

before(async () => {
  p = await bootPlatform();
  cove = await coveFor(p.url, p.adminToken);
  await p.request('POST', '/teams', { body: { name: 'acme' } });
  await p.request('POST', '/spaces', { body: { name: 'prod', team: 'acme' } });
  await p.request('POST', '/spaces', { body: { name: 'other', team: 'acme', cidr: '10.1.0.0/16' } });
  for (const [name, space, internal] of [['api', 'prod', true], ['billing', 'prod', false], ['web-ui', 'prod', false], ['shop', 'prod', false], ['far', 'other', false]] as const) {
    assert.equal((await p.request('POST', '/teams/apps', { body: { name, space, internal_routing: internal } })).status, 201);
  }
});
after(async () => {
  await cove.cleanup();
  await p.close();
  await rm(p.dataDir, { recursive: true, force: true });
});

test('apps:trusted-ips, :add, :remove and :clear edit the app\'s own inbound ruleset', async () => {
  assert.equal(ok(await cove(['apps:trusted-ips', '-a', 'shop'])).stdout, "=== ⬢ shop Trusted IP Ranges\n\n⬢ shop has no trusted IP ranges of its own. Only its space's trusted IP ranges apply.\n");
  assert.equal(ok(await cove(['apps:trusted-ips', '-a', 'shop', '--json'])).stdout, 'null\n');

  const added = ok(await cove(['apps:trusted-ips:add', '203.0.113.0/24', '-a', 'shop'])).stdout;
  assert.equal(added, 'Added 203.0.113.0/24 to trusted IP ranges of ⬢ shop\n⬢ shop now accepts public web requests only from its trusted IP ranges.\n');
  assert.equal(ok(await cove(['apps:trusted-ips:add', '198.51.100.0/24', '--app', 'shop'])).stdout, 'Added 198.51.100.0/24 to trusted IP ranges of ⬢ shop\n');
  const duplicate = await cove(['apps:trusted-ips:add', '203.0.113.0/24', '-a', 'shop']);
  assert.equal(duplicate.code, 1);
  assert.match(duplicate.stderr, /^Error: A rule already exists for 203\.0\.113\.0\/24\.$/m);
  const bad = await cove(['apps:trusted-ips:add', 'nonsense', '-a', 'shop']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^Error: .*nonsense/m);
  const rules = await p.request<{ rules: { source: string }[] }>('GET', '/apps/shop/inbound-ruleset');
  assert.deepEqual(rules.body.rules.map((r) => r.source), ['203.0.113.0/24', '198.51.100.0/24']);
  assert.equal(ok(await cove(['apps:trusted-ips', '-a', 'shop'])).stdout, '=== ⬢ shop Trusted IP Ranges\n\n203.0.113.0/24\n198.51.100.0/24\n');

  ok(await cove(['apps:trusted-ips:remove', '203.0.113.0/24', '-a', 'shop']));
  const missing = await cove(['apps:trusted-ips:remove', '203.0.113.0/24', '-a', 'shop']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^Error: No IP range matching 203\.0\.113\.0\/24 was found\.$/m);
  const last = ok(await cove(['apps:trusted-ips:remove', '198.51.100.0/24', '-a', 'shop'])).stdout;
  assert.match(last, /^⬢ shop has no trusted IP ranges left: all inbound web requests to it are blocked\./m);
  assert.match(ok(await cove(['apps:trusted-ips', '-a', 'shop'])).stdout, /⬢ shop has no trusted IP ranges\. All inbound web requests to it are blocked\.\n$/);

  assert.match(ok(await cove(['apps:trusted-ips:clear', '-a', 'shop'])).stderr, /Removing trusted IP ranges of ⬢ shop\.\.\. done/);
  assert.equal((await p.request('GET', '/apps/shop/inbound-ruleset')).status, 404);
  const nothing = await cove(['apps:trusted-ips:clear', '-a', 'shop']);
  assert.equal(nothing.code, 1);
  assert.match(nothing.stderr, /^Error: ⬢ shop has no trusted IP ranges of its own\. Nothing to do\.$/m);
  const noApp = await cove(['apps:trusted-ips', '-a', 'nope']);
  assert.equal(noApp.code, 2);
  assert.match(noApp.stderr, /Couldn't find that app\./);
});

test('apps:callers, :add, :remove and :clear edit an internal app\'s caller list', async () => {
  assert.equal(ok(await cove(['apps:callers', '-a', 'api'])).stdout, '=== ⬢ api Allowed Callers\n\n⬢ api has no caller list. Every app of its space may call it.\n');

  assert.equal(ok(await cove(['apps:callers:add', 'billing', '-a', 'api'])).stdout, 'Allowed billing to call ⬢ api\nOnly the apps on its caller list (and ⬢ api itself) may call it now.\n');
  assert.equal(ok(await cove(['apps:callers:add', 'web-ui', '-a', 'api'])).stdout, 'Allowed web-ui to call ⬢ api\n');
  assert.equal(ok(await cove(['apps:callers', '-a', 'api'])).stdout, '=== ⬢ api Allowed Callers\n\nbilling\nweb-ui\n');
  const json = JSON.parse(ok(await cove(['apps:callers', '-a', 'api', '--json'])).stdout) as { apps: { name: string }[] };
  assert.deepEqual(json.apps.map((a) => a.name), ['billing', 'web-ui']);

  const again = await cove(['apps:callers:add', 'billing', '-a', 'api']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /^Error: billing is already allowed to call ⬢ api\.$/m);
  const far = await cove(['apps:callers:add', 'far', '-a', 'api']);
  assert.equal(far.code, 2);
  assert.match(far.stderr, /^Error: App far is not in space prod: only apps of the same space can call api\.$/m);
  const unknown = await cove(['apps:callers:add', 'nope', '-a', 'api']);
  assert.match(unknown.stderr, /^Error: Couldn't find app "nope" to allow as a caller\.$/m);
  const pub = await cove(['apps:callers:add', 'billing', '-a', 'shop']);
  assert.equal(pub.code, 2);
  assert.match(pub.stderr, /^Error: App shop is not an internal-routing app\./m);

  ok(await cove(['apps:callers:remove', 'billing', '-a', 'api']));
  const notListed = await cove(['apps:callers:remove', 'billing', '-a', 'api']);
  assert.equal(notListed.code, 1);
  assert.match(notListed.stderr, /^Error: billing is not on the caller list of ⬢ api\.$/m);
  assert.match(ok(await cove(['apps:callers:remove', 'web-ui', '-a', 'api'])).stdout, /^No other app may call ⬢ api now\./m);
  assert.equal(ok(await cove(['apps:callers', '-a', 'api'])).stdout, '=== ⬢ api Allowed Callers\n\n⬢ api allows no other app to call it.\n');

  assert.match(ok(await cove(['apps:callers:clear', '-a', 'api'])).stderr, /Removing the caller list of ⬢ api\.\.\. done/);
  assert.equal((await p.request('GET', '/apps/api/allowed-callers')).status, 404);
  const none = await cove(['apps:callers:remove', 'billing', '-a', 'api']);
  assert.match(none.stderr, /^Error: ⬢ api has no caller list: every app of its space may call it\. Nothing to do\.$/m);
  assert.equal((await cove(['apps:callers:clear', '-a', 'api'])).code, 1);
});
