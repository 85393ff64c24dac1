/**
 * The real heroku CLI against a real Cove server: account, spaces, trusted IP ranges and team
 * members. Each invocation costs ~1.5–3 s of CLI start-up, so tests group what they check.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { herokuCli, succeeded, type HerokuCli } from '../support/heroku-cli.js';

describe('heroku CLI: account, spaces, trusted IPs, members', () => {
  let p: BootedPlatform;
  let cli: HerokuCli;
  before(async () => {
    p = await bootPlatform();
    cli = await herokuCli(p);
    await p.request('POST', '/teams', { body: { name: 'acme' } });
    await p.request('POST', '/teams', { body: { name: 'globex' } });
  });
  after(async () => {
    await cli?.close();
    await p?.close();
  });

  test('auth:whoami prints the account over HTTP and HTTPS, talks only to the API, and shows a 401 message', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    // The API also speaks TLS on its port, with a certificate from the platform's CA.
    const tls = p.url.replace('http://127.0.0.1', 'https://localhost');
    const [me, overTls, wrong] = await Promise.all([
      cli.run(['auth:whoami'], { env: { HEROKU_DEBUG: '1' } }),
      cli.run(['auth:whoami'], { env: { HEROKU_HOST: tls, HEROKU_PARTICLEBOARD_URL: tls } }),
      cli.run(['auth:whoami'], { token: 'HRKU-not-a-key' }),
    ]);
    assert.equal(succeeded(me).stdout, `${p.adminEmail}\n`);
    assert.equal(succeeded(overTls).stdout, `${p.adminEmail}\n`);
    // The debug log lists every API request (host without port): the account, then the
    // particleboard delinquency look-up, which lands on the same route (see heroku-cli.ts).
    const requests = [...me.stderr.matchAll(/ http → (\S+) (\S+)/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(requests, ['GET http://127.0.0.1/account', 'GET http://127.0.0.1/account']);
    assert.equal(wrong.code, 2, wrong.stderr);
    assert.match(wrong.stderr, /Error: Invalid credentials provided\.\n.*\n.*Error ID: unauthorized/);
  });

  test('spaces:create, spaces:wait, spaces:info and spaces show the space, region, CIDR and outbound IPs', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const created = succeeded(await cli.run(['spaces:create', '--space', 'prod', '--team', 'acme']));
    assert.match(created.stderr, /Creating space prod in team acme\.\.\. done/);
    assert.match(created.stdout, /^=== prod$/m);
    assert.match(created.stdout, /^Team:\s+acme$/m);
    assert.match(created.stdout, /^CIDR:\s+10\.0\.0\.0\/16$/m);
    assert.match(created.stdout, /^Data CIDR:\s+10\.1\.0\.0\/16$/m);
    assert.match(created.stdout, /^Generation:\s+cedar$/m);

    const waited = succeeded(await cli.run(['spaces:wait', 'prod', '--interval', '1', '--timeout', '60']));
    assert.match(waited.stderr, /Waiting for space prod to allocate\.\.\. done/);
    assert.match(waited.stdout, /^State:\s+allocated$/m);

    const [nat, region] = await Promise.all([p.request('GET', '/spaces/prod/nat'), p.request('GET', '/regions')]);
    assert.equal(nat.body.state, 'enabled');
    const [info, list] = await Promise.all([cli.run(['spaces:info', 'prod']), cli.run(['spaces'])]);
    for (const out of [waited.stdout, succeeded(info).stdout]) {
      assert.match(out, new RegExp(`^Region:\\s+${escape(region.body[0].description)}$`, 'm'));
      assert.match(out, /^CIDR:\s+10\.0\.0\.0\/16$/m);
      assert.match(out, new RegExp(`^Outbound IPs:\\s+${escape(nat.body.sources.join(', '))}$`, 'm'));
    }
    assert.match(succeeded(list).stdout, /^\s*prod\s+acme\s+local\s+allocated\s+cedar\s+\d{4}-/m);
  });

  test('spaces:trusted-ips, :add and :remove edit the inbound ruleset; an empty list blocks everything', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const initial = succeeded(await cli.run(['spaces:trusted-ips', 'prod']));
    assert.match(initial.stdout, /^=== Trusted IP Ranges\n\n0\.0\.0\.0\/0$/m);

    const added = succeeded(await cli.run(['spaces:trusted-ips:add', '192.168.0.0/24', '--space', 'prod']));
    assert.match(added.stdout, /Added 192\.168\.0\.0\/24 to trusted IP ranges on prod/);
    const removed = succeeded(await cli.run(['spaces:trusted-ips:remove', '0.0.0.0/0', '--space', 'prod']));
    assert.match(removed.stdout, /Removed 0\.0\.0\.0\/0 from trusted IP ranges on prod/);
    const ruleset = await p.request('GET', '/spaces/prod/inbound-ruleset');
    assert.deepEqual(ruleset.body.rules, [{ action: 'allow', source: '192.168.0.0/24' }]);

    succeeded(await cli.run(['trusted-ips:remove', '192.168.0.0/24', '--space', 'prod']));
    const empty = succeeded(await cli.run(['trusted-ips', 'prod']));
    assert.match(empty.stdout, /prod has no trusted IP ranges\. All inbound web requests to dynos are blocked\./);
  });

  test('spaces:rename and spaces:transfer', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const renamed = succeeded(await cli.run(['spaces:rename', '--from', 'prod', '--to', 'prod-eu']));
    assert.match(renamed.stderr, /Renaming space from prod to prod-eu\.\.\. done/);
    assert.equal((await p.request('GET', '/spaces/prod')).status, 404);

    const moved = succeeded(await cli.run(['spaces:transfer', '--space', 'prod-eu', '--team', 'globex']));
    assert.match(moved.stderr, /Transferring space prod-eu to team globex\.\.\. done/);
    assert.equal((await p.request('GET', '/spaces/prod-eu')).body.team.name, 'globex');
  });

  test('spaces:destroy refuses while the space has apps, then destroys it', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    assert.equal((await p.request('POST', '/teams/apps', { body: { name: 'tenant', space: 'prod-eu' } })).status, 201);
    const refused = await cli.run(['spaces:destroy', 'prod-eu', '--confirm', 'prod-eu']);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /Error: Cannot destroy space prod-eu: it still has 1 app\(s\) \(tenant\)/);
    assert.match(refused.stderr, /Error ID: unprocessable_entity/);

    assert.equal((await p.request('DELETE', '/apps/tenant')).status, 200);
    const destroyed = succeeded(await cli.run(['spaces:destroy', 'prod-eu', '--confirm', 'prod-eu']));
    assert.match(destroyed.stderr, /Destroying space prod-eu\.\.\. done/);
    await p.waitFor('the space to be gone', async () => (await p.request('GET', '/spaces/prod-eu')).status === 404);
  });

  test('members:add adds a member; members lists the team', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const added = succeeded(await cli.run(['members:add', 'bob@example.com', '--team', 'acme', '--role', 'member']));
    assert.match(added.stderr, /Adding bob@example\.com to acme as member\.\.\. done/);
    const members = succeeded(await cli.run(['members', '--team', 'acme']));
    assert.match(members.stdout, new RegExp(`^\\s*${escape(p.adminEmail)}\\s+admin\\s*$`, 'm'));
    assert.match(members.stdout, /^\s*bob@example\.com\s+member\s*$/m);
    const api = await p.request<{ email: string; role: string }[]>('GET', '/teams/acme/members');
    assert.deepEqual(
      api.body.map((m) => [m.email, m.role]),
      [
        [p.adminEmail, 'admin'],
        ['bob@example.com', 'member'],
      ],
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
