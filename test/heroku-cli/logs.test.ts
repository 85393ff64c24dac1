/**
 * The real heroku CLI reading Cove's logs: `logs` (router, state-change and API lines), `-n`,
 * `-d web.1`, `-p router`, `-s app`, and `logs --tail` receiving a line emitted after it
 * started. Router lines come from the router component in production; here the test appends
 * them the way it does (the app log hook). Also `drains`, `drains:add`, `drains:remove` and
 * `spaces:drains:set`/`get` against the log-drain resources.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { after, before, describe, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { herokuCli, succeeded, type HerokuCli } from '../support/heroku-cli.js';


const TS = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00';

describe('heroku CLI: logs', () => {
  let p: BootedPlatform;
  let cli: HerokuCli;
  let appId: string;
  const append = (source: 'app' | 'heroku', dyno: string, message: string): void => {
    p.platform.store.appendLog({ appId, time: new Date().toISOString(), source, dyno, message });
  };
  before(async () => {
    p = await bootPlatform();
    cli = await herokuCli(p);
    appId = (await p.request('POST', '/apps', { body: { name: 'logs-app' } })).body.id;
    await p.deploySlug('logs-app', { web: 'node server.js' });
    await p.waitFor('web.1 up', async () =>
      p.platform.store.recentLogs(appId, 100).some((l) => l.dyno === 'web.1' && l.message === 'State changed from starting to up'),
    );
    append('heroku', 'router', 'at=info method=GET path="/" host=logs-app.apps.test request_id=abc fwd="203.0.113.9" dyno=web.1 connect=0ms service=2ms status=200 bytes=12 protocol=http');
    append('app', 'web.1', 'GET / 200');
  });
  after(async () => {
    await cli?.close();
    await p?.close();
  });

  test('logs shows state-change, API and router lines; -n, -d, -p and -s filter them', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const [all, two, web1, router, app] = await Promise.all([
      cli.run(['logs', '-a', 'logs-app']),
      cli.run(['logs', '-a', 'logs-app', '-n', '2']),
      cli.run(['logs', '-a', 'logs-app', '-d', 'web.1']),
      cli.run(['logs', '-a', 'logs-app', '-p', 'router']),
      cli.run(['logs', '-a', 'logs-app', '-s', 'app']),
    ]);
    const out = succeeded(all).stdout;
    assert.match(out, new RegExp(`^${TS} heroku\\[web\\.1\\]: State changed from starting to up$`, 'm'));
    assert.match(out, new RegExp(`^${TS} app\\[api\\]: Release v2 created by user ${p.adminEmail}$`, 'm'));
    assert.match(out, new RegExp(`^${TS} heroku\\[router\\]: at=info method=GET path="/" host=logs-app\\.apps\\.test .*status=200 bytes=12 protocol=http$`, 'm'));

    const twoLines = succeeded(two).stdout.trim().split('\n');
    assert.equal(twoLines.length, 2, two.stdout);
    assert.match(twoLines[0] ?? '', new RegExp(`^${TS} heroku\\[router\\]: at=info`));
    assert.match(twoLines[1] ?? '', new RegExp(`^${TS} app\\[web\\.1\\]: GET / 200$`));
    const web1Lines = succeeded(web1).stdout.trim().split('\n');
    assert.ok(web1Lines.length >= 3 && web1Lines.every((l) => /(app|heroku)\[web\.1\]: /.test(l)), web1.stdout);
    assert.deepEqual(succeeded(router).stdout.trim().split('\n').length, 1);
    assert.match(router.stdout, /heroku\[router\]: at=info/);
    const appLines = succeeded(app).stdout.trim().split('\n');
    assert.ok(appLines.every((l) => / app\[(api|web\.1)\]: /.test(l)), app.stdout);
    assert.ok(appLines.some((l) => l.endsWith('app[web.1]: GET / 200')));
  });

  test('over HTTPS the stream URL is HTTPS too, verified against Cove\'s CA', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const httpsUrl = p.url.replace(/^http:/, 'https:');
    const session = await p.request('POST', '/apps/logs-app/log-sessions', { body: {} });
    assert.match(session.body.logplex_url, /^http:\/\//, 'asked over HTTP, answered with HTTP');
    const ca = await readFile(p.platform.caCertPath, 'utf8');
    const overHttps = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest(`${httpsUrl}/apps/logs-app/log-sessions`, {
        method: 'POST', ca, headers: { Authorization: `Bearer ${p.adminToken}`, 'Content-Type': 'application/json', Accept: 'application/vnd.heroku+json; version=3' },
      }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end('{}');
    });
    assert.match((JSON.parse(overHttps) as { logplex_url: string }).logplex_url, /^https:\/\/127\.0\.0\.1:\d+\/apps\//);
    const out = succeeded(await cli.run(['logs', '-a', 'logs-app', '-p', 'router'], { env: { HEROKU_HOST: httpsUrl, HEROKU_PARTICLEBOARD_URL: httpsUrl } }));
    assert.match(out.stdout, /heroku\[router\]: at=info method=GET path="\/"/);
  });

  test('logs --tail prints a line emitted after it started, and keeps running', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    const tail = cli.start(['logs', '-a', 'logs-app', '--tail', '-n', '1']);
    try {
      await tail.waitForOutput(/app\[web\.1\]: GET \/ 200\n/);
      append('app', 'web.1', 'emitted after the tail started');
      append('heroku', 'router', 'at=info method=GET path="/later" status=200');
      await tail.waitForOutput(/app\[web\.1\]: emitted after the tail started\n.*heroku\[router\]: at=info method=GET path="\/later"/s);
    } finally {
      const result = await tail.stop();
      assert.doesNotMatch(result.stderr, /eventsource failed|timed out/, result.stderr);
    }
  });

  test('drains:add, drains, drains:remove; spaces:drains:set and spaces:drains:get', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    await p.request('POST', '/teams', { body: { name: 'acme' } });
    await p.request('POST', '/spaces', { body: { name: 'logs-space', team: 'acme' } });
    const [added, spaceSet] = await Promise.all([
      cli.run(['drains:add', 'syslog+tls://localhost:6514', '-a', 'logs-app']),
      cli.run(['spaces:drains:set', 'https://localhost:6516/space', '--space', 'logs-space']),
    ]);
    assert.equal(succeeded(added).stdout, 'Successfully added drain syslog+tls://localhost:6514\n');
    assert.equal(succeeded(spaceSet).stdout, 'Successfully set drain https://localhost:6516/space for logs-space.\n');
    const token = (await p.request('GET', '/apps/logs-app/log-drains')).body[0].token as string;
    const spaceToken = (await p.request('GET', '/spaces/logs-space/log-drain')).body.token as string;

    const [list, spaceGet, bad] = await Promise.all([
      cli.run(['drains', '-a', 'logs-app']),
      cli.run(['spaces:drains:get', '--space', 'logs-space']),
      cli.run(['drains:add', 'ftp://localhost', '-a', 'logs-app']),
    ]);
    assert.equal(succeeded(list).stdout, `=== Drains\n\nsyslog+tls://localhost:6514 (${token})\n`);
    assert.equal(succeeded(spaceGet).stdout, `https://localhost:6516/space (${spaceToken})\n`);
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /Url scheme "ftp" is not supported/);

    const removed = succeeded(await cli.run(['drains:remove', 'syslog+tls://localhost:6514', '-a', 'logs-app']));
    assert.equal(removed.stdout, 'Successfully removed drain syslog+tls://localhost:6514\n');
    assert.deepEqual((await p.request('GET', '/apps/logs-app/log-drains')).body, []);
  });
});

describe('heroku CLI: logs --tail and session expiry', () => {
  test('when the session expires the tail ends with "Log stream timed out. Please try again."', async (t) => {
    const p = await bootPlatform({ args: ['--log-session-ttl', '2'] });
    const cli = await herokuCli(p);
    t.after(async () => {
      await cli.close();
      await p.close();
    });
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    await p.request('POST', '/apps', { body: { name: 'short-lived' } });
    // The server ends the stream at expiry; the CLI's EventSource reconnects and gets 404.
    const result = await cli.run(['logs', '-a', 'short-lived', '--tail']);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /app\[api\]: Release v1 created by user/);
    assert.match(result.stderr, /Log stream timed out\. Please try again\./);
  });
});
