/**
 * Log streams through the API: `app[api]` lines for API actions, log sessions served as
 * Server-Sent Events with `lines`/`dyno`/`source` filters, tails that get new lines, resuming
 * with Last-Event-ID, and the session URL's credential (another app, tampering, expiry).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { openSse } from '../support/sse.js';

const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00 (app|heroku)\[[\w.-]+\]: /;

describe('log sessions', () => {
  let p: BootedPlatform;
  let appId: string;
  let otherId: string;
  const append = (appIdOf: string, source: 'app' | 'heroku', dyno: string, message: string) =>
    p.platform.store.appendLog({ appId: appIdOf, time: new Date().toISOString(), source, dyno, message });
  const session = async (app: string, body: Record<string, unknown>): Promise<string> => {
    const res = await p.request<{ logplex_url: string; id: string }>('POST', `/apps/${app}/log-sessions`, { body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.id, /^[0-9a-f-]{36}$/);
    return res.body.logplex_url;
  };
  const dump = async (app: string, body: Record<string, unknown>): Promise<string[]> => {
    const stream = await openSse(await session(app, body));
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
    await stream.ended; // a non-tail session closes by itself (the heroku CLI exits on close)
    return stream.events.map((e) => e.data);
  };

  before(async () => {
    p = await bootPlatform();
    appId = (await p.request('POST', '/apps', { body: { name: 'logapp' } })).body.id;
    otherId = (await p.request('POST', '/apps', { body: { name: 'otherapp' } })).body.id;
  });
  after(() => p?.close());

  test('API actions write app[api] lines with the user: release, config set, scale, restart', async () => {
    await p.deploySlug('logapp', { web: 'node server.js', worker: 'node worker.js' });
    assert.equal((await p.request('PATCH', '/apps/logapp/config-vars', { body: { GREETING: 'hi' } })).status, 200);
    assert.equal((await p.request('PATCH', '/apps/logapp/formation', { body: { updates: [{ type: 'web', quantity: 2 }] } })).status, 200);
    assert.equal((await p.request('DELETE', '/apps/logapp/dynos/web.1')).status, 202);
    const lines = await dump('logapp', { lines: 1500, source: 'app', dyno: 'api' });
    const messages = lines.map((l) => l.replace(LINE, ''));
    for (const l of lines) assert.match(l, /^\S+ app\[api\]: /);
    const email = p.adminEmail;
    assert.deepEqual(messages, [
      `Initial release by user ${email}`,
      `Release v1 created by user ${email}`,
      messages[2], // Deploy <slug id>
      `Release v2 created by user ${email}`,
      `Set GREETING config vars by user ${email}`,
      `Release v3 created by user ${email}`,
      `Scaled to web@2:Standard-1X worker@0:Standard-1X by user ${email}`,
      `Restart web.1 by user ${email}`,
    ]);
    assert.match(messages[2] ?? '', new RegExp(`^Deploy \\S+ by user ${email}$`));
  });

  test('lines, dyno and source filters; heroku[router] lines; the stream closes when not tailing', async () => {
    append(appId, 'heroku', 'router', 'at=info method=GET path="/" host=logapp.apps.test status=200');
    append(appId, 'app', 'web.1', 'hello from web.1');
    append(appId, 'app', 'web.2', 'hello from web.2');
    append(appId, 'heroku', 'web.2', 'State changed from starting to up');
    append(appId, 'app', 'worker.1', 'working');
    append(otherId, 'app', 'web.1', 'not my app');

    const all = await dump('logapp', { lines: 5 });
    assert.equal(all.length, 5);
    for (const l of all) assert.match(l, LINE);
    assert.match(all[0] ?? '', / heroku\[router\]: at=info method=GET path="\/"/);
    assert.match(all[4] ?? '', / app\[worker\.1\]: working$/);

    const router = await dump('logapp', { lines: 100, dyno: 'router' });
    assert.equal(router.length, 1);
    assert.match(router[0] ?? '', /heroku\[router\]/);
    const web = await dump('logapp', { lines: 100, dyno: 'web' });
    assert.ok(web.some((l) => l.includes('app[web.1]: hello from web.1')));
    assert.ok(web.some((l) => l.includes('app[web.2]: hello from web.2')));
    assert.ok(web.every((l) => /\[web\.\d+\]/.test(l)), web.join('\n'));
    const web1 = await dump('logapp', { lines: 100, dyno: 'web.1' });
    assert.ok(web1.every((l) => l.includes('[web.1]')) && web1.some((l) => l.endsWith('hello from web.1')), web1.join('\n'));
    const webApp = await dump('logapp', { lines: 100, dyno: 'web.2', source: 'app' });
    assert.deepEqual(webApp.map((l) => l.replace(LINE, '')), ['hello from web.2']);
    assert.ok(!(await dump('logapp', { lines: 1500 })).some((l) => l.includes('not my app')));
    assert.deepEqual(await dump('logapp', { lines: 0 }), []);
  });

  test('a tail gets lines appended after it opened, then resumes with Last-Event-ID', async () => {
    const url = await session('logapp', { tail: true, lines: 1, dyno: 'web.1' });
    const tail = await openSse(url);
    assert.equal(tail.events.length <= 1, true);
    append(appId, 'app', 'web.2', 'filtered out');
    append(otherId, 'app', 'web.1', 'other app');
    append(appId, 'app', 'web.1', 'live line one');
    const first = await tail.waitFor((e) => e.data.endsWith('live line one'), 'the live line');
    assert.match(first.data, LINE);
    assert.ok(!tail.events.some((e) => /filtered out|other app/.test(e.data)));
    tail.close();

    append(appId, 'app', 'web.1', 'while away');
    const resumed = await openSse(url, { 'Last-Event-ID': first.id ?? '' });
    await resumed.waitFor((e) => e.data.endsWith('while away'), 'the missed line');
    assert.equal(resumed.events[0]?.data.endsWith('while away'), true, 'resumes right after the last event seen');
    resumed.close();
  });

  test('a session URL never works for another app, tampered, or without its token', async () => {
    const url = new URL(await session('logapp', { tail: true }));
    assert.equal(url.origin, p.url);
    assert.equal(url.pathname, `/apps/${appId}/log-stream`);
    const token = url.searchParams.get('token') ?? '';
    const other = await fetch(`${p.url}/apps/${otherId}/log-stream?token=${token}`);
    assert.equal(other.status, 403);
    assert.equal(((await other.json()) as { id: string }).id, 'forbidden');
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), appId: otherId })).toString('base64url');
    assert.equal((await fetch(`${p.url}/apps/${otherId}/log-stream?token=${forged}.${sig}`)).status, 403);
    assert.equal((await fetch(`${p.url}/apps/${appId}/log-stream`)).status, 403);
    // Creating a session needs an API key that can see the app.
    assert.equal((await p.request('POST', '/apps/logapp/log-sessions', { token: null, body: {} })).status, 401);
    const stranger = await p.createUser('stranger@example.com');
    assert.equal((await p.request('POST', '/apps/logapp/log-sessions', { token: stranger, body: {} })).status, 404);
    assert.equal((await p.request('POST', '/apps/logapp/log-sessions', { body: { lines: 'many' } })).status, 422);
  });
});

describe('log session expiry and restarts', () => {
  test('an open tail ends when its session expires, and the URL then answers 404', async (t) => {
    const p = await bootPlatform({ args: ['--log-session-ttl', '1'] });
    t.after(() => p.close());
    await p.request('POST', '/apps', { body: { name: 'brief' } });
    const url = (await p.request('POST', '/apps/brief/log-sessions', { body: { tail: true } })).body.logplex_url;
    const tail = await openSse(url);
    assert.equal(tail.status, 200);
    await tail.ended;
    const again = await fetch(url);
    assert.equal(again.status, 404);
    assert.equal(((await again.json()) as { id: string }).id, 'not_found');
  });

  test('lines survive a restart, and a tail URL made before it still works after it', async (t) => {
    let p = await bootPlatform();
    t.after(() => p.close());
    const id = (await p.request('POST', '/apps', { body: { name: 'durable' } })).body.id;
    p.platform.store.appendLog({ appId: id, time: new Date().toISOString(), source: 'app', dyno: 'web.1', message: 'before restart' });
    const url = (await p.request('POST', '/apps/durable/log-sessions', { body: { tail: true, lines: 10 } })).body.logplex_url;
    p = await p.restart();
    const tail = await openSse(url.replace(/:\d+\//, `:${new URL(p.url).port}/`));
    await tail.waitFor((e) => e.data.endsWith('before restart'), 'the line from before the restart');
    p.platform.store.appendLog({ appId: id, time: new Date().toISOString(), source: 'app', dyno: 'web.1', message: 'after restart' });
    await tail.waitFor((e) => e.data.endsWith('after restart'), 'a new line');
    tail.close();
  });

  test('the buffer keeps the last 1,500 lines of each app', async (t) => {
    const p = await bootPlatform();
    t.after(() => p.close());
    const a = (await p.request('POST', '/apps', { body: { name: 'chatty' } })).body.id;
    const b = (await p.request('POST', '/apps', { body: { name: 'quiet' } })).body.id;
    const now = new Date().toISOString();
    for (let i = 0; i < 2000; i++) {
      p.platform.store.appendLog({ appId: a, time: now, source: 'app', dyno: 'web.1', message: `a${i}` });
      p.platform.store.appendLog({ appId: b, time: now, source: 'app', dyno: 'web.1', message: `b${i}` });
    }
    for (const app of [a, b]) {
      assert.equal(p.platform.store.recentLogs(app, 5000).length, 1500, 'the buffer keeps 1,500 lines');
    }
    const last = p.platform.store.recentLogs(b, 1500);
    assert.equal(last.length, 1500);
    assert.equal(last[0]?.message, 'b500');
  });
});
