import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { coveFor, ok, type Cove } from './cove-runner.js';

let p: BootedPlatform;
let cove: Cove;

before(async () => {
  p = await bootPlatform();
  cove = await coveFor(p.url, p.adminToken);
  ok(await cove(['teams:create', 'acme']));
  ok(await cove(['spaces:create', '--space', 'prod', '--team', 'acme']));
  ok(await cove(['spaces:wait', '--space', 'prod', '--interval', '0.05']));
});
after(async () => {
  await cove.cleanup();
  await p.close();
});

interface Dyno {
  name: string;
  state: string;
}

const upDynos = async (app: string, count: number): Promise<Dyno[]> =>
  p.waitFor(`${count} dynos up on ${app}`, async () => {
    const res = await p.request<Dyno[]>('GET', `/apps/${app}/dynos`);
    return res.body.length === count && res.body.every((d) => d.state === 'up') ? res.body : undefined;
  });

test('apps:create --internal-routing without --space is a usage error', async () => {
  const result = await cove(['apps:create', 'nope', '--internal-routing']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^Error: Space name required\./);
  assert.equal((await p.request('GET', '/apps/nope')).status, 404, 'nothing was sent');
});

test('apps:create --space --internal-routing creates an internal app in the space', async () => {
  const result = ok(await cove(['apps:create', 'api', '--space', 'prod', '--internal-routing']));
  assert.match(result.stderr, /^Creating ⬢ api in space prod\.\.\. done$/m);
  assert.match(result.stdout, /^\S+api\S* \| \S+\/api\.git\n$/);
  const app = await p.request<{ internal_routing: boolean; space: { name: string } }>('GET', '/apps/api');
  assert.equal(app.body.internal_routing, true);
  assert.equal(app.body.space.name, 'prod');
});

test('apps:create without a name prints the generated one; apps lists both', async () => {
  const result = ok(await cove(['apps:create']));
  const name = /^Creating app\.\.\. done, ⬢ (\S+)$/m.exec(result.stderr)?.[1];
  assert.ok(name !== undefined, result.stderr);
  assert.match(ok(await cove(['apps', '--all'])).stdout, new RegExp(`^${name}\\b`, 'm'));
  const inSpace = ok(await cove(['apps', '--space', 'prod'])).stdout;
  assert.match(inSpace, /^=== Apps in space prod\n\napi .*\[internal\]$/m);
  assert.doesNotMatch(inSpace, new RegExp(name));
  const json = JSON.parse(ok(await cove(['apps', '-t', 'acme', '--json'])).stdout) as { name: string }[];
  assert.deepEqual(json.map((a) => a.name), ['api']);
});

test('apps:info shows heroku\'s layout', async () => {
  const info = ok(await cove(['apps:info', '-a', 'api'])).stdout;
  assert.match(info, /^=== api\n\n/);
  assert.match(info, /^Git URL:\s+\S+\/api\.git$/m);
  assert.match(info, /^Internal Routing:\s+true$/m);
  assert.match(info, /^Owner:\s+\S+$/m);
  assert.match(info, /^Region:\s+\S+$/m);
  assert.match(info, /^Space:\s+prod$/m);
  assert.match(info, /^Web URL:\s+\S+$/m);
  // Values line up.
  const columns = new Set(info.split('\n').filter((l) => /^[A-Z][\w ]+: +\S/.test(l)).map((l) => /^[^:]+: +/.exec(l)?.[0].length));
  assert.equal(columns.size, 1);
  const json = JSON.parse(ok(await cove(['apps:info', 'api', '--json'])).stdout) as { app: { name: string }; dynos: unknown[] };
  assert.equal(json.app.name, 'api');
  assert.ok(Array.isArray(json.dynos));
  // COVE_APP stands in for -a.
  assert.match(ok(await cove(['apps:info'], { env: { COVE_APP: 'api' } })).stdout, /^=== api$/m);
});

test('config:set, config, config:get and config:unset make releases', async () => {
  const set = ok(await cove(['config:set', 'GREETING=hello world', 'URL=postgres://x/y?a=b', '-a', 'api']));
  assert.match(set.stderr, /^Setting GREETING, URL and restarting ⬢ api\.\.\. done, v\d+$/m);
  assert.match(set.stdout, /^GREETING: hello world$/m);
  assert.equal(ok(await cove(['config:get', 'GREETING', '-a', 'api'])).stdout, 'hello world\n');
  assert.equal(ok(await cove(['config:get', 'URL', '-a', 'api'])).stdout, 'postgres://x/y?a=b\n');
  assert.equal(ok(await cove(['config:get', 'MISSING', '-a', 'api'])).stdout, '\n');
  assert.match(ok(await cove(['config', '-a', 'api'])).stdout, /^=== ⬢ api Config Vars\n\nGREETING: hello world\nURL:      postgres/);
  assert.match(ok(await cove(['config', '-a', 'api', '--shell'])).stdout, /^GREETING='hello world'$/m);
  assert.deepEqual(JSON.parse(ok(await cove(['config', '-a', 'api', '--json'])).stdout), { GREETING: 'hello world', URL: 'postgres://x/y?a=b' });

  const unset = ok(await cove(['config:unset', 'URL', '-a', 'api']));
  const version = Number(/done, v(\d+)$/m.exec(unset.stderr)?.[1]);
  assert.ok(version > 1, unset.stderr);
  assert.deepEqual(JSON.parse(ok(await cove(['config', '-a', 'api', '--json'])).stdout), { GREETING: 'hello world' });

  const bad = await cove(['config:set', 'NOEQUALS', '-a', 'api']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /NOEQUALS is invalid\. Must be in the format FOO=bar\./);
});

test('releases, releases:info and releases:rollback', async () => {
  const list = ok(await cove(['releases', '-a', 'api'])).stdout;
  const current = Number(/^=== ⬢ api Releases - Current: v(\d+)$/m.exec(list)?.[1]);
  assert.ok(current >= 3, list);
  assert.match(list, new RegExp(`^v${current}  Remove URL config vars\\s+admin@cove\\.local\\s+\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d \\(~ \\d+[smh] ago\\)$`, 'm'));
  const lines = list.trimEnd().split('\n').slice(2);
  assert.deepEqual(lines.map((l) => Number(/^v(\d+)/.exec(l)?.[1])), [...lines.keys()].map((i) => current - i), 'newest first');
  assert.equal(ok(await cove(['releases', '-a', 'api', '-n', '2'])).stdout.trimEnd().split('\n').length, 4);

  const info = ok(await cove(['releases:info', `v${current}`, '-a', 'api'])).stdout;
  assert.match(info, new RegExp(`^=== Release v${current}\n\n`));
  assert.match(info, /^Change:\s+Remove URL config vars$/m);
  assert.match(info, /^By:\s+admin@cove\.local$/m);
  assert.match(info, new RegExp(`^=== v${current} Config vars\n\nGREETING: hello world$`, 'm'));

  const rollback = ok(await cove(['releases:rollback', '-a', 'api']));
  assert.match(rollback.stderr, new RegExp(`^Rolling back ⬢ api to v${current - 1}\\.\\.\\. done, v${current + 1}$`, 'm'));
  assert.deepEqual(JSON.parse(ok(await cove(['config', '-a', 'api', '--json'])).stdout), { GREETING: 'hello world', URL: 'postgres://x/y?a=b' });
  const json = JSON.parse(ok(await cove(['releases', '-a', 'api', '--json', '-n', '1'])).stdout) as { version: number; current: boolean }[];
  assert.deepEqual(json.map((r) => [r.version, r.current]), [[current + 1, true]]);

  const explicit = ok(await cove(['releases:rollback', String(current), '-a', 'api']));
  assert.match(explicit.stderr, new RegExp(`to v${current}\\.\\.\\. done, v${current + 2}`));
});

test('ps:scale, ps and ps:restart drive the formation and dynos', async () => {
  await p.deploySlug('api', { web: 'node server.js', worker: 'node worker.js' });
  assert.equal(ok(await cove(['ps:scale', '-a', 'api'])).stdout, 'web=1:Private-S worker=0:Private-S\n');
  const scaled = ok(await cove(['ps:scale', 'web=2', 'worker+1', '-a', 'api']));
  assert.match(scaled.stderr, /^Scaling dynos\.\.\. done, now running web at 2:Private-S, worker at 1:Private-S$/m);
  assert.equal(ok(await cove(['ps:scale', '-a', 'api'])).stdout, 'web=2:Private-S worker=1:Private-S\n');
  await upDynos('api', 3);

  const ps = ok(await cove(['ps', '-a', 'api'])).stdout;
  assert.match(ps, /^=== web \(Private-S\): node server\.js \(2\)\n\nweb\.1: up \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \(~ \d+[smh] ago\)\nweb\.2: up /m);
  assert.match(ps, /^=== worker \(Private-S\): node worker\.js \(1\)\n\nworker\.1: up /m);
  assert.doesNotMatch(ok(await cove(['ps', 'worker', '-a', 'api'])).stdout, /web/);
  const json = JSON.parse(ok(await cove(['ps', '-a', 'api', '--json'])).stdout) as Dyno[];
  assert.deepEqual(json.map((d) => d.name), ['web.1', 'web.2', 'worker.1']);

  assert.match(ok(await cove(['ps:restart', '-a', 'api'])).stderr, /^Restarting all dynos on ⬢ api\.\.\. done$/m);
  assert.match(ok(await cove(['ps:restart', '--process-type', 'web', '-a', 'api'])).stderr, /Restarting web dynos on ⬢ api\.\.\. done/);
  assert.match(ok(await cove(['ps:restart', '--dyno-name', 'web.1', '-a', 'api'])).stderr, /Restarting dyno web\.1 on ⬢ api\.\.\. done/);
  await upDynos('api', 3);
  assert.match(ok(await cove(['ps:stop', '--dyno-name', 'worker.1', '-a', 'api'])).stderr, /Stopping dyno worker\.1 on ⬢ api\.\.\. done/);
  const noFlag = await cove(['ps:stop', '-a', 'api']);
  assert.equal(noFlag.code, 1);

  assert.match(ok(await cove(['spaces:ps', 'prod'])).stdout, /^=== api web \(Private-S\): node server\.js \(2\)$/m);
  await upDynos('api', 3);
  const topology = ok(await cove(['spaces:topology', '--space', 'prod'])).stdout;
  assert.match(topology, /^=== ⬢ api \(web, worker\)$/m);
  assert.match(topology, /web\.1 - \d+\.\d+\.\d+\.\d+ - \S+/);

  ok(await cove(['ps:scale', 'web=0', 'worker=0', '-a', 'api']));
});

test('an unknown app exits 2 with the API message and id', async () => {
  const result = await cove(['apps:info', '-a', 'no-such-app']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^Error: Couldn't find that app\b.*\n\nError ID: not_found\n/);
  assert.equal(result.stdout, '');
  const config = await cove(['config', '-a', 'no-such-app']);
  assert.equal(config.code, 2);
  const missingApp = await cove(['ps']);
  assert.equal(missingApp.code, 1);
  assert.match(missingApp.stderr, /No app specified/);
});

test('apps:rename and apps:destroy --confirm', async () => {
  const renamed = ok(await cove(['apps:rename', 'api-v2', '-a', 'api']));
  assert.match(renamed.stderr, /Renaming ⬢ api to ⬢ api-v2\.\.\. done/);
  assert.match(renamed.stdout, /api-v2\.git/);
  const refused = await cove(['apps:destroy', '-a', 'api-v2']);
  assert.equal(refused.code, 1);
  assert.match(ok(await cove(['apps:destroy', '-a', 'api-v2', '--confirm', 'api-v2'])).stderr, /Destroying ⬢ api-v2 \(including all add-ons\)\.\.\. done/);
  assert.equal((await p.request('GET', '/apps/api-v2')).status, 404);
});

test('--help prints usage and examples', async () => {
  const help = ok(await cove(['spaces:info', '--help'])).stdout;
  assert.match(help, /^USAGE\n {2}\$ cove spaces:info \[SPACE\] \[flags\]$/m);
  assert.match(help, /^EXAMPLES\n {2}\$ cove spaces:info/m);
  assert.match(ok(await cove(['--help'])).stdout, /^ {2}spaces:trusted-ips:add +add one range/m);
});
