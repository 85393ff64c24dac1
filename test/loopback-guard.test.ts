/**
 * The suite's network guard is loaded into every test process outside a sandbox and into the
 * Node processes they start; it refuses anything that is not loopback. Each check first makes
 * sure the guard is in place, so a missing guard fails the test without sending anything.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
// TEST-NET-1 (RFC 5737): documentation only, never routed.
const OUTSIDE = '192.0.2.1';

test('the loopback guard is loaded into this test process and its children', async () => {
  assert.equal(net.Socket.prototype.connect.name, 'guardedConnect', 'scripts/test must preload test/dist/support/loopback-guard.js');
  assert.match(process.env['NODE_OPTIONS'] ?? '', /loopback-guard\.js/);
  const { stdout } = await run(process.execPath, ['-e', "console.log(require('net').Socket.prototype.connect.name)"]);
  assert.equal(stdout.trim(), 'guardedConnect');
});

test('the loopback guard refuses TCP, UDP and name lookups beyond loopback, and lets loopback through', async (t) => {
  if (net.Socket.prototype.connect.name !== 'guardedConnect') {
    assert.fail('the loopback guard is not loaded; nothing was tried');
  }
  const tcp = await new Promise<Error>((resolve) => net.connect(9, OUTSIDE).on('error', resolve));
  assert.match(tcp.message, /cove-loopback-guard: blocked tcp 192\.0\.2\.1:9/);
  const udp = dgram.createSocket('udp4');
  t.after(() => udp.close());
  const udpError = await new Promise<Error | null>((resolve) => udp.send('x', 9, OUTSIDE, resolve));
  assert.match(String(udpError), /blocked udp 192\.0\.2\.1/);
  const lookup = await new Promise<NodeJS.ErrnoException | null>((resolve) => dns.lookup('cove-guard.example.com', (e) => resolve(e)));
  assert.equal(lookup?.code, 'ENOTFOUND');

  const server = net.createServer((s) => s.end('ok')).listen(0, '127.0.0.1');
  t.after(() => server.close());
  await new Promise((r) => server.once('listening', r));
  const reply = await new Promise<string>((resolve, reject) => {
    const c = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    let data = '';
    c.on('data', (d) => (data += d)).on('end', () => resolve(data)).on('error', reject);
  });
  assert.equal(reply, 'ok');
});
