/**
 * HaproxySupervisor with a real HAProxy on loopback: generations hand the listening socket over
 * (`-x`, `-sf`), stops end every process, and a leftover pidfile is trusted only for the HAProxy
 * that ran that generation (a reused pid is never signalled). Skipped without an haproxy binary.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { processIdentity } from '../../shared/supervised-process.js';
import { HaproxySupervisor, type HaproxyPaths } from './haproxy-supervisor.js';

function haproxyBinary(): string | null {
  for (const candidate of ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy']) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

const binary = haproxyBinary();

function config(port: number, version: string) {
  return (paths: HaproxyPaths) => ({
    config: [
      'global',
      `  stats socket ${paths.statsSocket} mode 600 level admin expose-fd listeners`,
      'defaults',
      '  mode http',
      '  timeout connect 1s',
      '  timeout client 5s',
      '  timeout server 5s',
      'frontend web',
      `  bind 127.0.0.1:${port}`,
      `  http-request return status 200 content-type text/plain string ${version}`,
      '',
    ].join('\n'),
    maps: new Map<string, string>(),
  });
}

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (answer += d));
    socket.on('end', () => resolve(answer.split('\r\n\r\n')[1] ?? ''));
    socket.on('error', reject);
    socket.write('GET / HTTP/1.0\r\nHost: x\r\n\r\n');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

describe('HaproxySupervisor', { skip: binary === null ? 'no haproxy binary' : false }, () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cove-haproxy-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a new generation takes the socket over with no refused connection; the old one finishes; close() ends all', async () => {
    const port = await freePort();
    const supervisor = new HaproxySupervisor({ dir: join(dir, 'gens'), binary: binary ?? 'haproxy' });
    await supervisor.start();
    try {
      assert.equal(await supervisor.apply(config(port, 'one'), ['d1']), true);
      assert.equal(await get(port), 'one');
      assert.equal(await supervisor.apply(config(port, 'one'), ['d1']), false, 'same configuration: same process');
      const first = supervisor.pid;
      assert.ok(first !== undefined);
      // Requests all through the reload: none refused.
      let stop = false;
      const answers: string[] = [];
      const load = (async () => {
        while (!stop) answers.push(await get(port));
      })();
      await supervisor.apply(config(port, 'two'), ['d2']);
      await new Promise((resolve) => setTimeout(resolve, 200));
      stop = true;
      await load;
      assert.ok(answers.every((a) => a === 'one' || a === 'two'));
      assert.equal(await get(port), 'two');
      assert.notEqual(supervisor.pid, first);
      for (let i = 0; i < 200 && processIdentity(first) !== null; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(processIdentity(first), null, 'the old generation finished');
      assert.equal(supervisor.finishing, 0);
      assert.ok(supervisor.routes('d2'));
      assert.ok(!supervisor.routes('d1'));
    } finally {
      const last = supervisor.pid;
      await supervisor.close();
      assert.ok(last === undefined || processIdentity(last) === null);
    }
  });

  test('start() stops the HAProxy an earlier server left, and nothing that merely has its pid', async () => {
    const port = await freePort();
    const gens = join(dir, 'leftover');
    const earlier = new HaproxySupervisor({ dir: gens, binary: binary ?? 'haproxy' });
    await earlier.start();
    await earlier.apply(config(port, 'old'), []);
    const left = earlier.pid;
    assert.ok(left !== undefined);
    // A generation whose pidfile now names another process (this one): it must survive.
    await mkdir(join(gens, 'gen-99'), { recursive: true });
    await writeFile(join(gens, 'gen-99', 'haproxy.pid'), String(process.pid));
    const later = new HaproxySupervisor({ dir: gens, binary: binary ?? 'haproxy' });
    await later.start();
    assert.equal(processIdentity(left), null, "the earlier server's HAProxy was stopped");
    assert.ok(processIdentity(process.pid) !== null);
    await later.apply(config(port, 'new'), []);
    assert.equal(await get(port), 'new');
    await later.close();
  });
});
