import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { coveFor, ok, type Cove } from './cove-runner.js';

let p: BootedPlatform;
let cove: Cove;

before(async () => {
  p = await bootPlatform();
  cove = await coveFor(p.url, p.adminToken);
});
after(async () => {
  await cove.cleanup();
  await p.close();
});

test('teams:create, members:add and members list the team', async () => {
  assert.match(ok(await cove(['teams:create', 'acme'])).stderr, /Creating team acme\.\.\. done/);
  assert.match(ok(await cove(['teams'])).stdout, /^Team\s+Role\n─+\s+─+\nacme\s+admin\n$/);
  await p.createUser('dev@example.com');
  assert.match(ok(await cove(['members:add', 'dev@example.com', '-t', 'acme', '--role', 'member'])).stderr, /Adding dev@example\.com to acme as member\.\.\. done/);
  const members = ok(await cove(['members', '--team', 'acme'])).stdout;
  assert.match(members, /^admin@cove\.local\s+admin$/m);
  assert.match(members, /^dev@example\.com\s+member$/m);
  assert.doesNotMatch(ok(await cove(['members', '-t', 'acme', '--role', 'admin'])).stdout, /dev@example\.com/);
  const json = JSON.parse(ok(await cove(['members', '-t', 'acme', '--json'])).stdout) as { email: string; role: string }[];
  assert.deepEqual(json.map((m) => m.email).sort(), ['admin@cove.local', 'dev@example.com']);
});

test('spaces with no spaces is an error, exit 2', async () => {
  const result = await cove(['spaces']);
  assert.equal(result.code, 2);
  assert.equal(result.stderr, 'Error: You do not have access to any spaces.\n');
});

test('spaces:create, spaces:wait and spaces:info show the allocated space with outbound IPs', async () => {
  const created = ok(await cove(['spaces:create', '--space', 'prod', '--team', 'acme', '--cidr', '10.20.0.0/16']));
  assert.match(created.stderr, /Creating space prod in team acme\.\.\. done/);
  assert.match(created.stdout, /^=== prod\n/);
  assert.match(created.stdout, /^CIDR:\s+10\.20\.0\.0\/16$/m);

  const waited = ok(await cove(['spaces:wait', '-s', 'prod', '-i', '0.05', '-t', '20']));
  assert.match(waited.stderr, /Waiting for space prod to allocate\.*\.\.\. done/);
  assert.match(waited.stdout, /^State:\s+allocated$/m);

  const info = ok(await cove(['spaces:info', 'prod'])).stdout;
  assert.match(info, /^=== prod\n\nID: {11}\S+\nTeam: {9}acme\n/);
  assert.match(info, /^Outbound IPs: \S+/m);
  assert.match(info, /^Region:\s+\S.*\(this host\)$/m, 'the region is expanded');
  assert.match(info, /^Shield:\s+off$/m);

  const json = JSON.parse(ok(await cove(['spaces:info', '--space', 'prod', '--json'])).stdout) as Record<string, unknown>;
  assert.equal(json['name'], 'prod');
  assert.equal((json['outbound_ips'] as { state: string }).state !== undefined, true);

  const list = ok(await cove(['spaces', '--team', 'acme'])).stdout;
  assert.match(list, /^Name\s+Team\s+Region\s+State\s+Generation\s+Created At$/m);
  assert.match(list, /^prod\s+acme\s+\S+\s+allocated\s+cedar\s+\S+$/m);
});

test('spaces:wait times out with the heroku message while the space stays allocating', async (t) => {
  // With no runtime the reconciler never reports the network ready, so the space stays allocating.
  const stuck = await bootPlatform({ runtime: 'none' });
  const stuckCove = await coveFor(stuck.url, stuck.adminToken);
  t.after(async () => {
    await stuckCove.cleanup();
    await stuck.close();
  });
  ok(await stuckCove(['teams:create', 'acme']));
  ok(await stuckCove(['spaces:create', '--space', 'slow', '--team', 'acme']));
  const started = Date.now();
  const result = await stuckCove(['spaces:wait', 'slow', '--interval', '0.05', '--timeout', '0.3']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^Waiting for space slow to allocate\.* !\nError: Timeout waiting for space to become allocated\.\n$/);
  assert.ok(Date.now() - started < 10_000);
});

test('trusted IP ranges: list, add, remove and the heroku error messages', async () => {
  assert.equal(ok(await cove(['spaces:trusted-ips', '--space', 'prod'])).stdout, '=== Trusted IP Ranges\n\n0.0.0.0/0\n');
  assert.match(ok(await cove(['spaces:trusted-ips:add', '203.0.113.0/24', '--space', 'prod'])).stdout, /Added 203\.0\.113\.0\/24 to trusted IP ranges on prod/);
  const duplicate = await cove(['spaces:trusted-ips:add', '203.0.113.0/24', '--space', 'prod']);
  assert.equal(duplicate.code, 1);
  assert.match(duplicate.stderr, /A rule already exists for 203\.0\.113\.0\/24/);

  ok(await cove(['spaces:trusted-ips:remove', '0.0.0.0/0', '-s', 'prod']));
  const ruleset = await p.request<{ rules: { source: string }[] }>('GET', '/spaces/prod/inbound-ruleset');
  assert.deepEqual(ruleset.body.rules.map((r) => r.source), ['203.0.113.0/24']);

  const missing = await cove(['spaces:trusted-ips:remove', '198.51.100.0/24', '-s', 'prod']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^Error: No IP range matching 198\.51\.100\.0\/24 was found\.$/m);

  ok(await cove(['spaces:trusted-ips:remove', '203.0.113.0/24', '-s', 'prod']));
  assert.equal(
    ok(await cove(['spaces:trusted-ips', 'prod'])).stdout,
    '=== Trusted IP Ranges\n\nprod has no trusted IP ranges. All inbound web requests to dynos are blocked.\n',
  );
  const nothing = await cove(['spaces:trusted-ips:remove', '203.0.113.0/24', '-s', 'prod']);
  assert.match(nothing.stderr, /^Error: No IP ranges are configured\. Nothing to do\.$/m);
});

test('spaces:access:grant and revoke change what spaces:access lists', async () => {
  ok(await cove(['spaces:access:grant', 'dev@example.com', '--space', 'prod']));
  assert.match(ok(await cove(['spaces:access', '-s', 'prod'])).stdout, /^dev@example\.com\s+member\s+create_apps$/m);
  ok(await cove(['spaces:access:revoke', 'dev@example.com', '--space', 'prod']));
  assert.match(ok(await cove(['spaces:access', '-s', 'prod'])).stdout, /^dev@example\.com\s+member$/m);
});

test('zones lists three zones; zones:fail and zones:recover flip their health', async () => {
  const zones = JSON.parse(ok(await cove(['zones', '-s', 'prod', '--json'])).stdout) as { name: string; healthy: boolean }[];
  assert.ok(zones.length >= 2);
  const zone = zones[0]?.name ?? '';
  assert.match(ok(await cove(['zones:fail', '-s', 'prod', '--zone', zone])).stderr, new RegExp(`Failing zone ${zone} of space prod\\.\\.\\. done`));
  assert.match(ok(await cove(['zones', '-s', 'prod'])).stdout, new RegExp(`^${zone}\\s+failed\\s`, 'm'));
  ok(await cove(['zones:recover', '-s', 'prod', '--zone', zone]));
  assert.match(ok(await cove(['zones', '-s', 'prod'])).stdout, new RegExp(`^${zone}\\s+healthy\\s`, 'm'));
});

test('spaces:rename, then spaces:destroy needs a matching --confirm', async () => {
  ok(await cove(['spaces:create', '--space', 'slow', '--team', 'acme']));
  assert.match(ok(await cove(['spaces:rename', '--from', 'slow', '--to', 'staging'])).stderr, /Renaming space from slow to staging\.\.\. done/);
  ok(await cove(['spaces:info', 'staging']));

  const unconfirmed = await cove(['spaces:destroy', '--space', 'staging']);
  assert.equal(unconfirmed.code, 1);
  assert.match(unconfirmed.stderr, /--confirm staging/);
  const mismatch = await cove(['spaces:destroy', '--space', 'staging', '--confirm', 'prod']);
  assert.equal(mismatch.code, 1);
  assert.match(mismatch.stderr, /Confirmation prod did not match staging\. Aborted\./);

  assert.match(ok(await cove(['spaces:destroy', '--space', 'staging', '--confirm', 'staging'])).stderr, /Destroying space staging\.\.\. done/);
  await p.waitFor('space gone', async () => (await p.request('GET', '/spaces/staging')).status === 404);
  const gone = await cove(['spaces:info', 'staging']);
  assert.equal(gone.code, 2);
  assert.match(gone.stderr, /^Error: Couldn't find that space\b/);
});

test('spaces:transfer moves a space to another team', async () => {
  ok(await cove(['teams:create', 'other']));
  assert.match(ok(await cove(['spaces:transfer', '--space', 'prod', '--team', 'other'])).stderr, /Transferring space prod to team other\.\.\. done/);
  assert.match(ok(await cove(['spaces:info', 'prod'])).stdout, /^Team:\s+other$/m);
  ok(await cove(['spaces:transfer', '--space', 'prod', '--team', 'acme']));
});
