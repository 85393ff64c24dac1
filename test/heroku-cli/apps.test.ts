/**
 * The real heroku CLI against a real Cove server: apps in a space, config vars, formation and
 * dynos, releases and rollback, and an error. Each invocation costs ~1.5–3 s of CLI start-up,
 * so tests group what they check and run independent commands side by side.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { herokuCli, succeeded, type HerokuCli } from '../support/heroku-cli.js';

describe('heroku CLI: apps, config vars, dynos, releases', () => {
  let p: BootedPlatform;
  let cli: HerokuCli;
  before(async () => {
    p = await bootPlatform();
    cli = await herokuCli(p);
    await p.createSpace();
  });
  after(async () => {
    await cli?.close();
    await p?.close();
  });

  test('apps:create in a space with --internal-routing; without a space it is refused', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const [created, refused] = await Promise.all([
      cli.run(['apps:create', 'myapp', '--space', 'prod', '--internal-routing']),
      cli.run(['apps:create', 'lonely', '--team', 'acme', '--internal-routing']),
    ]);
    assert.match(succeeded(created).stderr, /Creating myapp in space prod\.\.\. done/);
    const port = new URL(p.url).port;
    assert.equal(created.stdout, `https://myapp.apps.test/ | https://127.0.0.1:${port}/myapp.git\n`);
    const app = await p.request('GET', '/apps/myapp');
    assert.equal(app.body.internal_routing, true);
    assert.equal(app.body.space.name, 'prod');
    // The CLI refuses before sending anything; the API's own refusals are in test/api/apps.test.ts.
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /Space name required\.\n\s*Internal Web Apps are only available for Private Spaces\./);
    assert.equal((await p.request('GET', '/apps/lonely')).status, 404);
  });

  test('apps and apps:info show the space app with internal routing; an unknown app exits 2', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const [list, inSpace, info, unknown] = await Promise.all([
      cli.run(['apps']),
      cli.run(['apps', '--space', 'prod']),
      cli.run(['apps:info', '-a', 'myapp']),
      cli.run(['apps:info', '-a', 'no-such-app']),
    ]);
    // Team apps are owned by the team's pseudo-user, so they appear as collaborated apps.
    assert.match(succeeded(list).stdout, /^\s*myapp \[internal\] \(local\)\s+acme@herokumanager\.com\s*$/m);
    assert.match(succeeded(inSpace).stdout, /myapp \[internal\]/);
    const out = succeeded(info).stdout;
    assert.match(out, /^=== myapp$/m);
    assert.match(out, /^Space:\s+prod$/m);
    assert.match(out, /^Internal Routing:\s+true$/m);
    assert.match(out, /^Owner:\s+acme@herokumanager\.com$/m);
    assert.match(out, /^Stack:\s+heroku-24$/m);
    assert.match(out, /^Web URL:\s+https:\/\/myapp\.apps\.test\/$/m);

    assert.equal(unknown.code, 2, unknown.stderr);
    assert.match(unknown.stderr, /Error: Couldn't find that app\b/);
    assert.match(unknown.stderr, /Error ID: not_found/);
  });

  test('config:set, config:get and config:unset; each change is a release', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const set = succeeded(await cli.run(['config:set', 'GREETING=hello world', 'MODE=prod', '-a', 'myapp']));
    assert.match(set.stderr, /Setting GREETING, MODE and restarting myapp\.\.\. done, v2/);
    assert.match(set.stdout, /^GREETING:\s+hello world$/m);
    assert.match(set.stdout, /^MODE:\s+prod$/m);

    const [got, unset] = await Promise.all([
      cli.run(['config:get', 'GREETING', '-a', 'myapp']),
      cli.run(['config:unset', 'MODE', '-a', 'myapp']),
    ]);
    assert.equal(succeeded(got).stdout, 'hello world\n');
    assert.match(succeeded(unset).stderr, /Unsetting MODE and restarting myapp\.\.\. done, v3/);
    assert.deepEqual((await p.request('GET', '/apps/myapp/config-vars')).body, { GREETING: 'hello world' });
  });

  test('ps:scale web=2 after a deploy, then ps shows both web dynos up', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const { releaseVersion } = await p.deploySlug('myapp', { web: 'node server.js', worker: 'node worker.js' });
    assert.equal(releaseVersion, 4);
    const scaled = succeeded(await cli.run(['ps:scale', 'web=2', '-a', 'myapp']));
    assert.match(scaled.stderr, /Scaling dynos\.\.\. done, now running web at 2:Private-S/);
    await p.waitFor('two web dynos up', async () => {
      const dynos = await p.request<{ type: string; state: string }[]>('GET', '/apps/myapp/dynos');
      return dynos.body.filter((d) => d.type === 'web' && d.state === 'up').length === 2;
    });
    const [ps, formation] = await Promise.all([cli.run(['ps', '-a', 'myapp']), cli.run(['ps:scale', '-a', 'myapp'])]);
    assert.match(succeeded(ps).stdout, /^=== web \(Private-S\): node server\.js \(2\)$/m);
    assert.match(ps.stdout, /^web\.1: up /m);
    assert.match(ps.stdout, /^web\.2: up /m);
    assert.equal(succeeded(formation).stdout, 'web=2:Private-S worker=0:Private-S\n');
  });

  test('releases lists newest first; releases:rollback rolls back to the previous release', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const releases = succeeded(await cli.run(['releases', '-a', 'myapp']));
    assert.match(releases.stdout, /^=== myapp Releases - Current: v4$/m);
    const versions = [...releases.stdout.matchAll(/^\s*v(\d+)\s+(.+?)\s{2,}(\S+@\S+)/gm)].map((m) => [Number(m[1]), m[2], m[3]]);
    assert.deepEqual(
      versions.map(([v]) => v),
      [4, 3, 2, 1],
    );
    assert.deepEqual(versions[2], [2, 'Set GREETING, MODE config vars', p.adminEmail]);

    const rollback = succeeded(await cli.run(['releases:rollback', '-a', 'myapp']));
    assert.match(rollback.stderr, /Rolling back myapp to v3\.\.\. done, v5/);
    const [current] = (await p.request('GET', '/apps/myapp/releases', { headers: { Range: 'version ..; max=1, order=desc' } })).body;
    assert.equal(current.version, 5);
    assert.equal(current.description, 'Rollback to v3');
    assert.equal(current.current, true);
    // v3 had no slug and config GREETING only.
    assert.deepEqual((await p.request('GET', '/apps/myapp/config-vars')).body, { GREETING: 'hello world' });
  });
});
