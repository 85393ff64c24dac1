import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import { test } from 'node:test';
import { createApiListener, type ApiListener, type ApiListenerOptions } from './api-listener.js';
import { issueCertificate } from '../../shared/local-ca.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function listening(options: ApiListenerOptions = {}): Promise<{ listener: ApiListener; port: number; done: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cove-listener-'));
  const cert = await issueCertificate(dir, 'api', ['127.0.0.1']);
  const listener = createApiListener(cert, options);
  listener.server.listen(0, '127.0.0.1');
  await once(listener.server, 'listening');
  return {
    listener,
    port: listener.address().port,
    done: async () => {
      await listener.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Sends `text` on a new connection; resolves with everything received until the server closes it. */
function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (answer += d));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const GET = 'GET /account HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';

test('a request that arrives before the API is ready is answered by it once it is', async () => {
  const { listener, port, done } = await listening();
  try {
    const answer = exchange(port, GET);
    await new Promise((r) => setTimeout(r, 200));
    listener.serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 5 }).end('ready'));
    const text = await answer;
    assert.match(text, /^HTTP\/1\.1 200/);
    assert.match(text, /ready$/);
  } finally {
    await done();
  }
});

test('a request that waits longer than start-up allows gets a 503 to retry, with a Heroku-style body', async () => {
  const { port, done } = await listening({ startupWaitMs: 100 });
  try {
    const text = await exchange(port, GET);
    assert.match(text, /^HTTP\/1\.1 503/);
    assert.match(text, /Retry-After: 1/i);
    const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { id: string; message: string };
    assert.equal(body.id, 'service_unavailable');
    assert.match(body.message, /starting up/);
  } finally {
    await done();
  }
});

test('a connection that sends nothing, or half a request head and then nothing, is closed', async () => {
  const { listener, port, done } = await listening({ firstByteTimeoutMs: 150, idleTimeoutMs: 300 });
  listener.serve((_req, res) => res.end('ok'));
  try {
    assert.equal(await exchange(port, ''), '');
    // Half a head, then silence: the idle deadline ends it (Node may answer 408 first).
    assert.doesNotMatch(await exchange(port, 'GET /account HTTP/1.1\r\nHost: x\r\n'), /200/);
  } finally {
    await done();
  }
});

test('a head dripped slower than the head deadline is cut off even though bytes keep coming', async () => {
  const { listener, port, done } = await listening({ headersTimeoutMs: 400, idleTimeoutMs: 60_000 });
  listener.serve((_req, res) => res.end('ok'));
  try {
    const socket = net.connect(port, '127.0.0.1');
    const closed = once(socket, 'close');
    socket.on('error', () => undefined);
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    await once(socket, 'connect');
    socket.write('GET /account HTTP/1.1\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
    await closed;
    clearInterval(drip);
    assert.doesNotMatch(answer, /200/);
  } finally {
    await done();
  }
});

test('a TLS connection that completes its handshake and then sends nothing is closed', async () => {
  const { listener, port, done } = await listening({ firstByteTimeoutMs: 200 });
  listener.serve((_req, res) => res.end('ok'));
  try {
    const socket = tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false });
    socket.on('error', () => undefined);
    await once(socket, 'secureConnect');
    await once(socket, 'close');
  } finally {
    await done();
  }
});
