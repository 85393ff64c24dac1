import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { readLogStream } from './log-stream.js';

test('readLogStream() reopens a closed tail with Last-Event-ID until the session is gone', async (t) => {
  const seen: (string | undefined)[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    seen.push(req.headers['last-event-id'] as string | undefined);
    n++;
    if (n === 1) res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end('id: 1\ndata: line a\n\n:\n\nid: 2\ndata: line b\ndata: line c\n\n');
    else if (n === 2) res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end('id: 3\ndata: line d\n\n');
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => server.close());
  const lines: string[] = [];
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stream`;
  await assert.rejects(readLogStream(url, { tail: true, userAgent: 'test', reconnectMs: 5, onLine: (l) => lines.push(l) }), /Log stream timed out/);
  assert.deepEqual(lines, ['line a', 'line b', 'line c', 'line d']);
  assert.deepEqual(seen, [undefined, '2', '3']);
});

test('readLogStream() without tail returns when the server closes the stream', async (t) => {
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/event-stream' }).end('id: 7\ndata: only\n\n'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => server.close());
  const lines: string[] = [];
  await readLogStream(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { tail: false, userAgent: 'test', onLine: (l) => lines.push(l) });
  assert.deepEqual(lines, ['only']);
});
