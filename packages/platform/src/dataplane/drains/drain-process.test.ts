/**
 * The drain forwarder process with a real syslog receiver on loopback: lines pushed reach the
 * drain; `close({ keepRunning })` leaves the child delivering what it holds (even while the
 * drain is down) for the next owner, which adopts the same process and goes on; `close()` and
 * `stopLeftoverDrains()` stop it; and it exits by itself once its directory is gone.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { processIdentity } from '../../shared/supervised-process.js';
import type { DrainDropReport, DrainFeed, DrainLine } from './drain-feed.js';
import { DrainProcess, stopLeftoverDrains } from './drain-process.js';

let dir: string;
let received = '';
const sockets = new Set<net.Socket>();
const receiver = net.createServer((socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
});
let port = 0;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cove-drain-process-'));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as net.AddressInfo).port;
});
after(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => receiver.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const feed = (): DrainFeed => [{ id: 'd1', url: `syslog://127.0.0.1:${port}`, token: 'd.0000', apps: { app1: 'd.0000' } }];
const line = (message: string): DrainLine => ({ appId: 'app1', time: new Date().toISOString(), source: 'app', dyno: 'web.1', message });
const drops: DrainDropReport[] = [];
const owner = (subdir: string): DrainProcess => new DrainProcess({ dir: join(dir, subdir), capacity: 100, ca: [], onDrop: (r) => drops.push(r) });

async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('a left-running forwarder keeps delivering and is adopted by the next owner; close() stops it', async () => {
  const first = owner('a');
  await first.start();
  first.update(feed());
  first.push([line('before-1'), line('before-2')]);
  await waitFor('lines delivered', () => received.includes('before-2'));
  const pid = first.pid;
  assert.ok(pid !== undefined);

  // Pushed just before the owner leaves: handed over before the channel closes, then delivered.
  first.push([line('at-close')]);
  await first.close({ keepRunning: true });
  await waitFor('the last line delivered without an owner', () => received.includes('at-close'));
  assert.ok(processIdentity(pid) !== null, 'still running');

  const second = owner('a');
  await second.start();
  assert.equal(second.adopted, true);
  assert.equal(second.pid, pid, 'the same process');
  second.update(feed());
  second.push([line('after-adoption')]);
  await waitFor('lines from the new owner', () => received.includes('after-adoption'));
  assert.ok(received.indexOf('before-1') < received.indexOf('at-close') && received.indexOf('at-close') < received.indexOf('after-adoption'));

  await second.close();
  await waitFor('stopped', () => processIdentity(pid) === null);
  assert.deepEqual(drops, []);
});

test('stopLeftoverDrains() stops a forwarder nobody owns; one whose directory is removed exits by itself', async () => {
  const left = owner('b');
  await left.start();
  const pid = left.pid;
  assert.ok(pid !== undefined);
  await left.close({ keepRunning: true });
  assert.equal(await stopLeftoverDrains(join(dir, 'b')), true);
  await waitFor('stopped', () => processIdentity(pid) === null);
  assert.equal(await stopLeftoverDrains(join(dir, 'b')), false);

  const orphan = owner('c');
  await orphan.start();
  const orphanPid = orphan.pid;
  assert.ok(orphanPid !== undefined);
  await orphan.close({ keepRunning: true });
  await rm(join(dir, 'c'), { recursive: true, force: true });
  await waitFor('exited with its directory', () => processIdentity(orphanPid) === null);
});
