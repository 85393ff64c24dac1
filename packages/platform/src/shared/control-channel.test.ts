/**
 * The control channel on a real unix socket: requests answered in order, one-way messages kept
 * in order with them, events to every client, failures as rejections, and a connection that
 * outlives neither side's misbehaviour.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ControlClient, listenControl, type ControlBody } from './control-channel.js';

let dir: string;
let n = 0;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cove-control-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const socketPath = (): string => join(dir, `c${++n}.sock`);
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('requests are answered with their results, in the order sent, even when an earlier one is slower', async () => {
  const path = socketPath();
  const server = await listenControl(path, {
    request: async (request) => {
      const r = request as { type: string; wait?: number; value?: number };
      if (r.type === 'fail') throw new Error('no such thing');
      await delay(r.wait ?? 0);
      return { echoed: r.value };
    },
  });
  const client = await ControlClient.connect(path);
  const order: number[] = [];
  const slow = client.request({ type: 'echo', wait: 100, value: 1 }).then((r) => order.push((r as { echoed: number }).echoed));
  const fast = client.request({ type: 'echo', wait: 0, value: 2 }).then((r) => order.push((r as { echoed: number }).echoed));
  await Promise.all([slow, fast]);
  assert.deepEqual(order, [1, 2]);
  await assert.rejects(client.request({ type: 'fail' }), { name: 'ControlChannelError', message: 'no such thing' });
  // The channel still works after a failed request.
  assert.deepEqual(await client.request({ type: 'echo', value: 3 }), { echoed: 3 });
  await client.end();
  await server.close();
  assert.equal(existsSync(path), false, 'the socket file is removed');
});

test('messages are handled in order with the requests around them, and end() delivers them all first', async () => {
  const path = socketPath();
  const seen: string[] = [];
  const server = await listenControl(path, {
    request: async (request) => {
      await delay(50);
      seen.push(`request ${request.type}`);
    },
    message: (message) => seen.push(`message ${(message as { type: string; i: number }).i}`),
  });
  const client = await ControlClient.connect(path);
  const configured = client.request({ type: 'feed' });
  for (let i = 0; i < 1000; i++) client.send({ type: 'lines', i });
  await configured;
  await client.end();
  await waitFor(() => seen.length === 1001);
  assert.equal(seen[0], 'request feed', 'the lines after the feed wait for it');
  assert.deepEqual(seen.slice(1), Array.from({ length: 1000 }, (_, i) => `message ${i}`));
  await server.close();
});

test('events reach every connected client; clients counts them', async () => {
  const path = socketPath();
  const server = await listenControl(path, { request: () => undefined });
  const got: ControlBody[][] = [[], []];
  const a = await ControlClient.connect(path, { onEvent: (e) => got[0]?.push(e) });
  const b = await ControlClient.connect(path, { onEvent: (e) => got[1]?.push(e) });
  // A request round trip: both connections are registered on the server's side by then.
  await a.request({ type: 'ping' });
  await b.request({ type: 'ping' });
  assert.equal(server.clients, 2);
  server.broadcast({ type: 'dropped', count: 3 });
  await waitFor(() => got.every((list) => list.length === 1));
  assert.deepEqual(got, [[{ type: 'dropped', count: 3 }], [{ type: 'dropped', count: 3 }]]);
  await a.end();
  await waitFor(() => server.clients === 1);
  await b.end();
  await server.close();
});

test('a malformed line drops only that connection; pending requests fail when the child goes away', async () => {
  const path = socketPath();
  let release: () => void = () => undefined;
  const server = await listenControl(path, {
    request: (request) => (request.type === 'hang' ? new Promise<void>((resolve) => (release = resolve)) : 'pong'),
  });
  const raw = net.connect(path);
  await new Promise((resolve) => raw.once('connect', resolve));
  raw.write('this is not json\n');
  await new Promise((resolve) => raw.once('close', resolve));
  const client = await ControlClient.connect(path);
  assert.equal(await client.request({ type: 'ping' }), 'pong', 'the server still serves others');

  let closed = false;
  const other = await ControlClient.connect(path, { onClose: () => (closed = true) });
  const pending = assert.rejects(other.request({ type: 'hang' }), { name: 'ControlChannelError', message: 'the control channel closed' });
  await delay(20);
  await server.close();
  await pending;
  assert.ok(closed && other.closed);
  await assert.rejects(other.request({ type: 'ping' }), /closed/);
  assert.equal(other.send({ type: 'lines' }), false);
  release();
  await client.end();
});

test('listenControl replaces a stale socket file; connectWithin waits for the socket and gives up in time', async () => {
  const path = socketPath();
  await writeFile(path, 'left from a dead child');
  const late = ControlClient.connectWithin(path, 5000);
  await delay(100);
  const server = await listenControl(path, { request: () => 'here' });
  const client = await late;
  assert.equal(await client.request({ type: 'hello' }), 'here');
  await client.end();
  await server.close();
  await assert.rejects(ControlClient.connectWithin(join(dir, 'nobody.sock'), 100), { name: 'ControlChannelError' });
});

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await delay(10);
  }
}
