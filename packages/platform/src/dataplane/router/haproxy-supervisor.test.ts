/**
 * HaproxySupervisor with a real HAProxy (master-worker) on loopback: generations hand the
 * listening socket over (master `reload`), a refused configuration changes nothing, a HAProxy
 * left running is adopted with its state or else stopped, and a leftover is trusted only while
 * it still is that process (a reused pid is never signalled). Skipped without an haproxy binary.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
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

  test('close({ keepRunning }) leaves HAProxy serving; the next start() adopts it with the saved state and no reload', async () => {
    const port = await freePort();
    const gens = join(dir, 'adopt');
    const earlier = new HaproxySupervisor({ dir: gens, binary: binary ?? 'haproxy' });
    assert.equal(await earlier.start(), null);
    await earlier.apply(config(port, 'kept'), ['d1']);
    await earlier.save({ note: 'router state' });
    const worker = earlier.pid;
    const master = earlier.masterPid;
    assert.ok(worker !== undefined && master !== undefined);
    // Nothing ties the master to this server's life: its stderr is no pipe to us (SIGPIPE).
    assert.doesNotMatch(await readlink(`/proc/${master}/fd/2`), /^pipe:/);
    await earlier.close({ keepRunning: true });
    assert.equal(await get(port), 'kept', 'serves with no server');
    const later = new HaproxySupervisor({ dir: gens, binary: binary ?? 'haproxy' });
    assert.deepEqual(await later.start(), { note: 'router state' });
    assert.equal(later.pid, worker);
    assert.equal(later.masterPid, master);
    assert.ok(later.routes('d1'));
    assert.equal(await later.apply(config(port, 'kept'), ['d1']), false, 'same configuration: no reload');
    assert.equal(await later.apply(config(port, 'next'), ['d2']), true);
    assert.equal(await get(port), 'next');
    assert.equal(later.masterPid, master, 'the same master loaded it');
    await later.close();
    assert.equal(processIdentity(master), null);
  });

  test('a configuration HAProxy refuses never touches the serving process', async () => {
    const port = await freePort();
    const supervisor = new HaproxySupervisor({ dir: join(dir, 'refused'), binary: binary ?? 'haproxy' });
    await supervisor.start();
    try {
      await supervisor.apply(config(port, 'good'), []);
      const worker = supervisor.pid;
      const broken = (paths: HaproxyPaths) => ({ config: config(port, 'bad')(paths).config + 'backend x\n  no-such-keyword\n', maps: new Map<string, string>() });
      await assert.rejects(supervisor.apply(broken, []), /refused the configuration/);
      assert.equal(supervisor.pid, worker);
      assert.equal(await get(port), 'good');
    } finally {
      await supervisor.close();
    }
  });

  test('start() stops the HAProxy an earlier server left when it cannot adopt it, and nothing that merely has its pid', async () => {
    const port = await freePort();
    const gens = join(dir, 'leftover');
    const earlier = new HaproxySupervisor({ dir: gens, binary: binary ?? 'haproxy' });
    await earlier.start();
    await earlier.apply(config(port, 'old'), []);
    const master = earlier.masterPid ?? 0;
    await earlier.close({ keepRunning: true });
    const left = processIdentity(Number(await readFile(join(gens, 'haproxy.pid'), 'utf8')));
    assert.ok(left !== null);
    // The saved state no longer matches (its worker is another process now): not adopted.
    const state = JSON.parse(await readFile(join(gens, 'state.json'), 'utf8')) as { generations: { process: { startTime: string } }[] };
    for (const g of state.generations) g.process.startTime = '1';
    await writeFile(join(gens, 'state.json'), JSON.stringify(state));
    // An earlier layout's generation whose pidfile now names another process (this one): it must survive.
    await mkdir(join(gens, 'gen-99'), { recursive: true });
    await writeFile(join(gens, 'gen-99', 'haproxy.pid'), String(process.pid));
    const later = new HaproxySupervisor({ dir: gens, binary: binary ?? 'haproxy' });
    assert.equal(await later.start(), null);
    assert.equal(processIdentity(left.pid), null, "the earlier server's HAProxy was stopped");
    assert.ok(master > 0);
    assert.ok(processIdentity(process.pid) !== null);
    await later.apply(config(port, 'new'), []);
    assert.equal(await get(port), 'new');
    await later.close();
  });

  test('stopLeftover() stops a HAProxy left running and starts nothing', async () => {
    const port = await freePort();
    const gens = join(dir, 'stop');
    const earlier = new HaproxySupervisor({ dir: gens, binary: binary ?? 'haproxy' });
    await earlier.start();
    await earlier.apply(config(port, 'x'), []);
    const master = processIdentity(earlier.masterPid ?? 0);
    const worker = processIdentity(earlier.pid ?? 0);
    await earlier.close({ keepRunning: true });
    await new HaproxySupervisor({ dir: gens, binary: binary ?? 'haproxy' }).stopLeftover();
    assert.ok(master !== null && worker !== null);
    assert.equal(processIdentity(master.pid)?.startTime === master.startTime, false);
    for (let i = 0; i < 200 && processIdentity(worker.pid)?.startTime === worker.startTime; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(processIdentity(worker.pid)?.startTime === worker.startTime, false);
    await assert.rejects(get(port));
  });
});
