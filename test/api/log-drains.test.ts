/**
 * Log drains end to end on loopback: the log-drain API (app and space), and real receivers
 * (TCP syslog, TLS syslog and HTTPS with certificates from Cove's local CA) getting an app's
 * lines from the forwarder process; a dead or stalled drain buffers a bounded amount, reports
 * L10 in the app's stream, and neither fails requests nor loses local lines.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { issueCertificate } from '@cove/platform';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { httpsReceiver, syslogReceiver, type Receiver } from '../support/drain-receivers.js';

const run = promisify(execFile);
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/;

describe('log drain API', () => {
  let p: BootedPlatform;
  before(async () => {
    p = await bootPlatform();
    await p.request('POST', '/apps', { body: { name: 'drained' } });
  });
  after(() => p?.close());

  test('POST, GET and DELETE /apps/:app/log-drains, by URL, token or id', async () => {
    const added = await p.request('POST', '/apps/drained/log-drains', { body: { url: 'syslog+tls://localhost:6514' } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.url, 'syslog+tls://localhost:6514');
    assert.match(added.body.token, /^d\.[0-9a-f-]{36}$/);
    assert.equal(added.body.addon, null);
    assert.equal(added.body.app.name, 'drained');
    const https = await p.request('POST', '/apps/drained/log-drains', { body: { url: 'https://user:secret@localhost:6515/drain?x=1' } });
    assert.equal(https.status, 201);
    const syslog = await p.request('POST', '/apps/drained/log-drains', { body: { url: 'syslog://127.0.0.1:6517' } });
    assert.equal(syslog.status, 201);

    const list = await p.request('GET', '/apps/drained/log-drains');
    assert.deepEqual(list.body.map((d: { url: string }) => d.url), [
      'syslog+tls://localhost:6514',
      'https://user:secret@localhost:6515/drain?x=1',
      'syslog://127.0.0.1:6517',
    ]);
    const removed = await p.request('DELETE', `/apps/drained/log-drains/${encodeURIComponent('syslog+tls://localhost:6514')}`);
    assert.equal(removed.status, 200);
    assert.equal(removed.body.id, added.body.id);
    assert.equal((await p.request('DELETE', `/apps/drained/log-drains/${https.body.token}`)).status, 200);
    assert.equal((await p.request('DELETE', `/apps/drained/log-drains/${syslog.body.id}`)).status, 200);
    assert.deepEqual((await p.request('GET', '/apps/drained/log-drains')).body, []);
    const missing = await p.request('DELETE', '/apps/drained/log-drains/syslog%3A%2F%2Fnowhere%3A1');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.id, 'not_found');

    const lines = p.platform.store.recentLogs(added.body.app.id, 100).filter((l) => l.dyno === 'api').map((l) => l.message);
    assert.ok(lines.includes(`Add log drain ${added.body.token} by user ${p.adminEmail}`), lines.join('\n'));
    assert.ok(lines.includes(`Remove log drain ${added.body.token} by user ${p.adminEmail}`), lines.join('\n'));
  });

  test('drain URLs are checked: scheme, host, syslog port, duplicates, at most 5 per app', async () => {
    for (const url of ['ftp://localhost', 'syslog://localhost', 'not a url', '', 42]) {
      const res = await p.request('POST', '/apps/drained/log-drains', { body: { url } });
      assert.equal(res.status, 422, `${String(url)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.id, 'invalid_params');
    }
    for (let i = 1; i <= 5; i++) assert.equal((await p.request('POST', '/apps/drained/log-drains', { body: { url: `syslog://127.0.0.${i}:6518` } })).status, 201);
    const dup = await p.request('POST', '/apps/drained/log-drains', { body: { url: 'syslog://127.0.0.1:6518' } });
    assert.equal(dup.status, 422);
    assert.equal(dup.body.message, 'Url has already been taken');
    const sixth = await p.request('POST', '/apps/drained/log-drains', { body: { url: 'syslog://127.0.0.6:6518' } });
    assert.equal(sixth.status, 422);
    assert.equal(sixth.body.id, 'unprocessable_entity');
    for (const d of (await p.request('GET', '/apps/drained/log-drains')).body) await p.request('DELETE', `/apps/drained/log-drains/${d.id}`);
  });

  test('a space has one log drain: GET is 404 until a team admin PUTs it; members cannot', async () => {
    await p.request('POST', '/teams', { body: { name: 'acme' } });
    await p.request('POST', '/spaces', { body: { name: 'prod', team: 'acme' } });
    assert.equal((await p.request('GET', '/spaces/prod/log-drain')).status, 404);
    const set = await p.request('PUT', '/spaces/prod/log-drain', { body: { url: 'https://localhost:6516/space' } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.url, 'https://localhost:6516/space');
    assert.match(set.body.token, /^d\./);
    const replaced = await p.request('PUT', '/spaces/prod/log-drain', { body: { url: 'syslog://127.0.0.1:6519' } });
    assert.equal(replaced.body.id, set.body.id);
    assert.equal(replaced.body.token, set.body.token);
    assert.equal((await p.request('GET', '/spaces/prod/log-drain')).body.url, 'syslog://127.0.0.1:6519');

    const member = await p.createUser('member@example.com');
    await p.request('PUT', '/teams/acme/members', { body: { email: 'member@example.com', role: 'member' } });
    assert.equal((await p.request('GET', '/spaces/prod/log-drain', { token: member })).status, 200);
    assert.equal((await p.request('PUT', '/spaces/prod/log-drain', { token: member, body: { url: 'syslog://127.0.0.1:1' } })).status, 403);
    const outsider = await p.createUser('outsider@example.com');
    assert.equal((await p.request('GET', '/spaces/prod/log-drain', { token: outsider })).status, 404);
  });

  test('spaces:create --log-drain-url sets the space drain at creation; a bad URL creates nothing', async () => {
    const created = await p.request('POST', '/spaces', { body: { name: 'logged', team: 'acme', log_drain_url: 'syslog+tls://localhost:6514' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await p.request('GET', '/spaces/logged/log-drain')).body.url, 'syslog+tls://localhost:6514');
    const bad = await p.request('POST', '/spaces', { body: { name: 'unlogged', team: 'acme', log_drain_url: 'gopher://x' } });
    assert.equal(bad.status, 422);
    assert.equal((await p.request('GET', '/spaces/unlogged')).status, 404);
  });
});

test('drains keep delivering after a server restart', async (t) => {
  let p = await bootPlatform();
  t.after(() => p.close());
  const receiver = await syslogReceiver();
  t.after(() => receiver.close());
  const appId = (await p.request('POST', '/apps', { body: { name: 'restarted' } })).body.id as string;
  assert.equal((await p.request('POST', '/apps/restarted/log-drains', { body: { url: `syslog://127.0.0.1:${receiver.port}` } })).status, 201);
  p = await p.restart();
  await p.waitFor('a line after the restart', async () => {
    p.platform.store.appendLog({ appId, time: new Date().toISOString(), source: 'app', dyno: 'web.1', message: 'after restart' });
    return receiver.messages.some((m) => m.message === 'after restart');
  });
});

describe('log drain delivery', () => {
  let p: BootedPlatform;
  let cert: { cert: string; key: string };
  const receivers: { close(): Promise<void> }[] = [];
  const append = (appId: string, dyno: string, message: string): void => {
    p.platform.store.appendLog({ appId, time: new Date().toISOString(), source: 'app', dyno, message });
  };
  const createApp = async (name: string, space?: string): Promise<string> => {
    const res = await p.request('POST', space === undefined ? '/apps' : '/teams/apps', { body: { name, ...(space === undefined ? {} : { space }) } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id;
  };
  const addDrain = async (app: string, url: string): Promise<string> => {
    const res = await p.request('POST', `/apps/${app}/log-drains`, { body: { url } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.token;
  };
  /** Appends warm-up lines until the receiver has one (the forwarder starts and connects), then one more within 1 s. */
  const deliversWithinOneSecond = async (receiver: Receiver, appId: string, label: string): Promise<void> => {
    let n = 0;
    const warm = setInterval(() => append(appId, 'web.1', `${label} warm-up ${n++}`), 100);
    try {
      await receiver.waitFor((m) => m.message.startsWith(`${label} warm-up`), `${label}: a first line`);
    } finally {
      clearInterval(warm);
    }
    append(appId, 'web.1', `${label} measured`);
    await receiver.waitFor((m) => m.message === `${label} measured`, `${label}: a line within 1 s`, 1000);
  };

  before(async () => {
    p = await bootPlatform({ args: ['--drain-buffer', '100'] });
    cert = await issueCertificate(join(p.dataDir, 'tls'), 'drain-receiver', ['localhost', '127.0.0.1']);
  });
  after(async () => {
    for (const r of receivers) await r.close();
    await p?.close();
  });

  test('a TCP syslog drain gets RFC 5424 octet-counted lines, API lines included', async () => {
    const receiver = await syslogReceiver();
    receivers.push(receiver);
    const appId = await createApp('tcp-app');
    const token = await addDrain('tcp-app', `syslog://127.0.0.1:${receiver.port}`);
    await deliversWithinOneSecond(receiver, appId, 'tcp');
    const m = receiver.messages.find((x) => x.message === 'tcp measured');
    assert.ok(m !== undefined);
    assert.equal(m.pri, 190);
    assert.match(m.time, TIME);
    assert.equal(m.hostname, token);
    assert.equal(m.appName, 'app');
    assert.equal(m.procId, 'web.1');
    assert.equal(m.msgId, '-');
    assert.equal(m.structuredData, '-');
    assert.equal((await p.request('PATCH', '/apps/tcp-app/config-vars', { body: { GREETING: 'hi' } })).status, 200);
    const api = await receiver.waitFor((x) => x.procId === 'api' && x.message.startsWith('Set GREETING config vars'), 'the config:set API line');
    assert.equal(api.message, `Set GREETING config vars by user ${p.adminEmail}`);
  });

  test('a TLS syslog drain verifies a certificate from Cove\'s local CA', async () => {
    const receiver = await syslogReceiver({ tls: cert });
    receivers.push(receiver);
    const appId = await createApp('tls-app');
    await addDrain('tls-app', `syslog+tls://localhost:${receiver.port}`);
    await deliversWithinOneSecond(receiver, appId, 'tls');
  });

  test('a TLS drain whose certificate Cove does not trust gets nothing; its lines count as dropped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cove-untrusted-'));
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
    const receiver = await syslogReceiver({ tls: { cert: await readFile(join(dir, 'cert.pem'), 'utf8'), key: await readFile(join(dir, 'key.pem'), 'utf8') } });
    receivers.push(receiver);
    await rm(dir, { recursive: true, force: true });
    const appId = await createApp('untrusted');
    const token = await addDrain('untrusted', `syslog+tls://localhost:${receiver.port}`);
    await p.waitFor('an L10 line for the untrusted drain', async () => {
      for (let i = 0; i < 50; i++) append(appId, 'web.1', `secret ${i}`);
      return p.platform.store.recentLogs(appId, 1500).some((l) => l.dyno === 'logplex' && l.message.includes(token));
    });
    assert.deepEqual(receiver.messages, []);
  });

  test('an HTTPS drain gets logplex batches with Heroku\'s headers', async () => {
    const receiver = await httpsReceiver(cert);
    receivers.push(receiver);
    const appId = await createApp('https-app');
    const token = await addDrain('https-app', `https://drain-user:s3cret@localhost:${receiver.port}/logs`);
    await deliversWithinOneSecond(receiver, appId, 'https');
    for (let i = 0; i < 50; i++) append(appId, 'worker.1', `burst ${i}`);
    await receiver.waitFor((m) => m.message === 'burst 49', 'the end of the burst');
    const bursts = receiver.messages.filter((m) => m.message.startsWith('burst ')).map((m) => m.message);
    assert.deepEqual(bursts, Array.from({ length: 50 }, (_, i) => `burst ${i}`), 'in order, none lost');
    const request = receiver.requests.at(-1);
    assert.ok(request !== undefined);
    assert.equal(request.headers['content-type'], 'application/logplex-1');
    assert.equal(request.headers['logplex-drain-token'], token);
    assert.equal(Number(request.headers['logplex-msg-count']), request.messages.length);
    assert.match(String(request.headers['logplex-frame-id']), /^[0-9A-F]{32}$/);
    assert.equal(request.headers['authorization'], `Basic ${Buffer.from('drain-user:s3cret').toString('base64')}`, 'credentials in the URL');
    const m = receiver.messages.find((x) => x.message === 'burst 0');
    assert.equal(m?.hostname, token);
    assert.equal(m?.appName, 'app');
    assert.equal(m?.procId, 'worker.1');
    assert.ok(receiver.requests.length < 50, `batched: ${receiver.requests.length} requests for 50+ lines`);
  });

  test('a space drain carries every app of the space, each named by its app', async () => {
    const receiver = await syslogReceiver();
    receivers.push(receiver);
    await p.request('POST', '/teams', { body: { name: 'acme' } });
    await p.request('POST', '/spaces', { body: { name: 'logspace', team: 'acme' } });
    const one = await createApp('space-one', 'logspace');
    const outside = await createApp('not-in-space');
    assert.equal((await p.request('PUT', '/spaces/logspace/log-drain', { body: { url: `syslog://127.0.0.1:${receiver.port}` } })).status, 200);
    await deliversWithinOneSecond(receiver, one, 'space');
    // An app created after the drain was set is carried too.
    const two = await createApp('space-two', 'logspace');
    await p.waitFor('space-two carried', async () => {
      append(two, 'web.1', 'from two');
      return receiver.messages.some((m) => m.hostname === 'space-two' && m.message === 'from two');
    });
    append(outside, 'web.1', 'from outside');
    append(one, 'web.1', 'last from one');
    await receiver.waitFor((m) => m.message === 'last from one', 'the last line');
    assert.ok(receiver.messages.every((m) => m.hostname === 'space-one' || m.hostname === 'space-two'));
    assert.ok(!receiver.messages.some((m) => m.message === 'from outside'));
  });

  test('the forwarder is its own process; killed, it is restarted and delivery resumes', async () => {
    const receiver = await syslogReceiver();
    receivers.push(receiver);
    const appId = await createApp('survivor');
    await addDrain('survivor', `syslog://127.0.0.1:${receiver.port}`);
    await deliversWithinOneSecond(receiver, appId, 'survivor');
    const pid = p.platform.drains.pid;
    assert.ok(pid !== undefined && pid !== process.pid);
    process.kill(pid, 'SIGKILL');
    const restarted = await p.waitFor('a new forwarder', async () => {
      const now = p.platform.drains.pid;
      return now !== undefined && now !== pid ? now : undefined;
    });
    assert.notEqual(restarted, pid);
    await p.waitFor('delivery after the restart', async () => {
      append(appId, 'web.1', 'after the crash');
      return receiver.messages.some((m) => m.message === 'after the crash');
    });
  });

  test('dead and stalled drains: requests succeed, local lines stay complete, L10 reports the drops', async () => {
    // One drain refuses connections; the other accepts and never reads (its socket buffers fill).
    const closed = net.createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const deadPort = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const held: net.Socket[] = [];
    const stalled = net.createServer((socket) => {
      socket.pause();
      held.push(socket);
    });
    stalled.listen(0, '127.0.0.1');
    await once(stalled, 'listening');
    receivers.push({ close: async () => { for (const s of held) s.destroy(); await new Promise<void>((r) => stalled.close(() => r())); } });

    const appId = await createApp('doomed');
    const deadToken = await addDrain('doomed', `syslog://127.0.0.1:${deadPort}`);
    const stalledToken = await addDrain('doomed', `syslog://127.0.0.1:${(stalled.address() as net.AddressInfo).port}`);
    const big = 'x'.repeat(2000);
    const requests: Promise<{ status: number }>[] = [];
    for (let i = 0; i < 1200; i++) {
      append(appId, 'web.1', `line ${i} ${big}`);
      if (i % 40 === 0) requests.push(p.request('GET', '/apps/doomed'));
    }
    assert.ok((await Promise.all(requests)).every((r) => r.status === 200));
    const local = p.platform.store.recentLogs(appId, 1500).filter((l) => l.message.startsWith('line '));
    assert.equal(local.length, 1200, 'every line is in the local stream');
    assert.equal(local.at(-1)?.message, `line 1199 ${big}`);
    for (const token of [deadToken, stalledToken]) {
      const l10 = await p.waitFor(`an L10 line for ${token}`, async () =>
        p.platform.store.recentLogs(appId, 1500).find((l) => l.source === 'heroku' && l.dyno === 'logplex' && l.message.includes(token)),
      );
      assert.match(l10.message, new RegExp(`^Error L10 \\(output buffer overflow\\): drain '${token}' dropped \\d+ messages since \\S+\\.$`));
    }
  });
});
