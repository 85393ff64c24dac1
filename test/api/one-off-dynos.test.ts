/**
 * `POST /apps/:app/dynos` on a platform with the in-memory runtime: the one-off dyno's shape
 * (`run.N`, `attach_url` for attached runs), Heroku's validation and 409 before a release,
 * the reconciler starting it once, `ps:stop` and `ps:restart` of `run.N` ending it, and its
 * rendezvous secret being accepted once on the API's TLS port.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { get } from 'node:https';
import { connect } from 'node:tls';
import { after, before, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

let p: BootedPlatform;
before(async () => {
  p = await bootPlatform();
  await p.createSpace();
  await p.request('POST', '/teams/apps', { body: { name: 'shell', space: 'prod' } });
});
after(() => p.close());

const runs = async (): Promise<{ name: string; type: string; state: string; command: string }[]> =>
  ((await p.request('GET', '/apps/shell/dynos')).body as { name: string; type: string; state: string; command: string }[]).filter((d) => d.type === 'run');

test('POST /apps/:app/dynos answers 409 until a release is ready, which the heroku CLI retries', async () => {
  const res = await p.request('POST', '/apps/shell/dynos', { body: { command: 'bash', attach: true } });
  assert.equal(res.status, 409);
  assert.equal(res.body.id, 'conflict');
  await p.deploySlug('shell', { web: 'node server.js' });
});

test('POST /apps/:app/dynos validates its body', async () => {
  for (const body of [{}, { command: '' }, { command: 'x', time_to_live: 0 }, { command: 'x', time_to_live: 86_401 }, { command: 'x', size: 'Standard-1X' }, { command: 'x', env: [] }]) {
    const res = await p.request('POST', '/apps/shell/dynos', { body });
    assert.equal(res.status, 422, JSON.stringify(body));
    assert.equal(res.body.id, 'invalid_params');
  }
});

test('an attached run gets run.N and a rendezvous attach_url on the API port; a detached one is started and listed', async () => {
  const attached = await p.request('POST', '/apps/shell/dynos', { body: { command: 'bash', attach: true, env: { TERM: 'xterm', COLUMNS: 80, LINES: 24 } } });
  assert.equal(attached.status, 201);
  assert.match(attached.body.name, /^run\.\d{4}$/);
  assert.equal(attached.body.type, 'run');
  assert.equal(attached.body.state, 'starting');
  assert.equal(attached.body.size, 'Private-S');
  const url = new URL(attached.body.attach_url);
  assert.equal(url.protocol, 'rendezvous:');
  assert.equal(url.host, new URL(p.url).host);
  assert.match(url.pathname, /^\/[0-9a-f]{64}$/);

  const detached = await p.request('POST', '/apps/shell/dynos', { body: { command: 'sleep 100', type: 'run:detached' } });
  assert.equal(detached.status, 201);
  assert.equal(detached.body.attach_url, null);
  const listed = await p.waitFor('listed', async () => (await runs()).find((d) => d.name === detached.body.name && d.state === 'up'));
  assert.equal(listed.command, 'sleep 100');
});

test('an app outside any space runs one-off dynos too', async () => {
  await p.request('POST', '/apps', { body: { name: 'common' } });
  await p.deploySlug('common', { web: 'node server.js' });
  const dyno = (await p.request('POST', '/apps/common/dynos', { body: { command: 'sleep 100' } })).body;
  assert.equal(dyno.size, 'Standard-1X');
  await p.waitFor('up', async () =>
    ((await p.request('GET', '/apps/common/dynos')).body as { name: string; state: string }[]).some((d) => d.name === dyno.name && d.state === 'up'),
  );
});

test('ps:stop and ps:restart of run.N end a one-off dyno instead of bringing it back', async () => {
  const names: string[] = [];
  for (let i = 0; i < 2; i++) names.push((await p.request('POST', '/apps/shell/dynos', { body: { command: 'sleep 100' } })).body.name);
  await p.waitFor('both up', async () => (await runs()).filter((d) => names.includes(d.name) && d.state === 'up').length === 2);
  assert.equal((await p.request('POST', `/apps/shell/dynos/${names[0]}/actions/stop`)).status, 202);
  assert.equal((await p.request('DELETE', `/apps/shell/dynos/${names[1]}`)).status, 202);
  await p.waitFor('both gone', async () => (await runs()).every((d) => !names.includes(d.name)));
  assert.equal((await p.request('POST', '/apps/shell/dynos/run.1/actions/stop')).status, 404);
});

test('a rendezvous secret opens its session once, a client that hangs up ends its dyno, unknown secrets get only the handshake', async () => {
  const dyno = (await p.request('POST', '/apps/shell/dynos', { body: { command: 'bash', attach: true } })).body;
  const url = new URL(dyno.attach_url);
  const ca = await readFile(p.platform.caCertPath, 'utf8');
  /** Resolves with what the server sent once the connection closed; `hangUp` closes it after the handshake. */
  const session = (secretLine: string, hangUp: boolean): Promise<string> =>
    new Promise((resolve, reject) => {
      const socket = connect({ host: url.hostname, port: Number(url.port), ca });
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        // The in-memory runtime has no attached streams: the session would wait for one.
        if (hangUp && text === 'rendezvous\r\n') socket.destroy();
      });
      socket.once('secureConnect', () => socket.write(`${secretLine}\r\n`));
      socket.once('close', () => resolve(text));
      socket.once('error', reject);
    });
  assert.equal(await session(url.pathname.slice(1), true), 'rendezvous\r\n');
  // The client went away before its command ended: the dyno is ended, not left waiting.
  await p.waitFor('abandoned dyno gone', async () => (await runs()).every((d) => d.name !== dyno.name) && p.platform.store.oneOffDynos.all().every((d) => d.id !== dyno.id));
  // A spent or unknown secret: the handshake, then the server closes.
  assert.equal(await session(url.pathname.slice(1), false), 'rendezvous\r\n');
  assert.equal(await session('0'.repeat(64), false), 'rendezvous\r\n');
  // The API still answers HTTPS on the same port.
  const status = await new Promise<number | undefined>((resolve, reject) => {
    get(`https://${url.host}/account`, { ca, headers: { Authorization: `Bearer ${p.adminToken}`, Accept: 'application/vnd.heroku+json; version=3' } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).once('error', reject);
  });
  assert.equal(status, 200);
});
