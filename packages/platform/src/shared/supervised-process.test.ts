/**
 * SupervisedProcess with real child processes (small `node -e` programs and scripts), no mocks.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isRunning, pidFileProcess, processIdentity, restartBackoffMs, stopPidFile, SupervisedProcess, terminateProcess, type SupervisedProcessOptions } from './supervised-process.js';

const NODE = process.execPath;
/** Runs until told otherwise. */
const IDLE = 'setInterval(() => {}, 1000)';
/** Ignores SIGTERM. */
const STUBBORN = "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)";

let dir: string;
const started: SupervisedProcess[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cove-supervised-'));
});

after(async () => {
  for (const p of started) await p.stop().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

function supervised(options: Partial<SupervisedProcessOptions> & Pick<SupervisedProcessOptions, 'run'>): SupervisedProcess {
  const p = new SupervisedProcess({ name: 'the test process', env: { PATH: process.env['PATH'] ?? '' }, ...options });
  started.push(p);
  return p;
}

async function script(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('processIdentity', () => {
  test('names a live process by pid and start time, and nothing for a pid no process has', () => {
    const me = processIdentity(process.pid);
    assert.ok(me !== null);
    assert.match(me.startTime, /^\d+$/);
    assert.ok(isRunning(me));
    assert.equal(isRunning({ pid: process.pid, startTime: '1' }), false, 'another start time is another process');
    assert.equal(processIdentity(0), null);
    assert.equal(processIdentity(2 ** 22 + 1), null);
  });

  test('terminateProcess never signals a process that merely has the pid', async () => {
    await terminateProcess({ pid: process.pid, startTime: '1' }, 10);
    assert.ok(alive(process.pid));
  });

  test('terminateProcess: SIGTERM, then SIGKILL after the grace', async () => {
    const child = spawn(NODE, ['-e', `${STUBBORN}; console.log('ready')`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(child.stdout, 'data'); // its SIGTERM handler is installed
    const identity = processIdentity(child.pid ?? 0);
    assert.ok(identity !== null);
    const exited = once(child, 'exit');
    const t0 = Date.now();
    await terminateProcess(identity, 300);
    const [, signal] = await exited;
    assert.equal(signal, 'SIGKILL');
    assert.ok(Date.now() - t0 >= 300);
  });

  test('restart back-off: immediate, 1 s, 2 s, 4 s… capped at 60 s', () => {
    assert.deepEqual([0, 1, 2, 3, 7, 8, 30].map(restartBackoffMs), [0, 1000, 2000, 4000, 60_000, 60_000, 60_000]);
  });
});

describe('SupervisedProcess', () => {
  test('spawns a command, reports its pid, and stops it with SIGTERM', async () => {
    const exits: unknown[] = [];
    const p = supervised({ run: { command: NODE, args: ['-e', IDLE] }, onExit: (...e) => exits.push(e) });
    await p.start();
    const pid = p.pid;
    assert.ok(pid !== undefined && alive(pid));
    assert.ok(p.running);
    await p.start(); // already running: nothing happens
    assert.equal(p.pid, pid);
    await p.stop();
    assert.equal(p.pid, undefined);
    assert.ok(!alive(pid));
    assert.deepEqual(exits, [], 'a stop is not an unexpected exit');
  });

  test('passes the arguments and the environment', async () => {
    const out = join(dir, 'env-out');
    const p = supervised({
      run: { command: NODE, args: ['-e', `require('fs').writeFileSync(${JSON.stringify(out)}, process.argv[1] + ' ' + process.env.GREETING); ${IDLE}`, 'hello'] },
      env: { GREETING: 'world' },
      ready: { probe: async () => existsSync(out) },
    });
    await p.start();
    assert.equal(await readFile(out, 'utf8'), 'hello world');
    await p.stop();
  });

  test('readiness by IPC message: start() resolves only once the child says so', async () => {
    const entry = await script('ready.mjs', "setTimeout(() => process.send({ type: 'ready' }), 300); setInterval(() => {}, 1000);");
    const p = supervised({ run: { fork: entry }, ready: { message: 'ready' } });
    const t0 = Date.now();
    await p.start();
    assert.ok(Date.now() - t0 >= 250);
    assert.ok(p.child?.connected);
    await p.stop();
  });

  test('readiness by probe: a TCP listener', async () => {
    const port = await freePort();
    const p = supervised({
      run: { command: NODE, args: ['-e', `setTimeout(() => require('net').createServer().listen(${port}, '127.0.0.1'), 200)`] },
      ready: { probe: () => connects(port), intervalMs: 20 },
    });
    await p.start();
    assert.ok(await connects(port));
    await p.stop();
  });

  test('readiness by handshake: an init request acknowledged over IPC', async () => {
    const entry = await script('echo.mjs', "process.on('message', (m) => process.send({ ack: m.id }));");
    let acked = 0;
    const p = supervised({
      run: { fork: entry },
      ready: {
        handshake: (child) =>
          new Promise((resolve) => {
            child.once('message', (m: { ack: number }) => {
              acked = m.ack;
              resolve();
            });
            child.send({ id: 42 });
          }),
      },
      stopRequest: (child) => child.disconnect(),
    });
    await p.start();
    assert.equal(acked, 42);
    await p.stop(); // the child ends once its channel closes
  });

  test('a process that is not ready in time fails the start and is killed', async () => {
    const p = supervised({ run: { command: NODE, args: ['-e', IDLE] }, ready: { probe: async () => false }, readyTimeoutMs: 300 });
    await assert.rejects(p.start(), /was not ready within 300 ms/);
    assert.equal(p.pid, undefined);
  });

  test('a process that exits while starting fails the start', async () => {
    const p = supervised({ run: { command: NODE, args: ['-e', 'process.exit(3)'] }, ready: { probe: async () => false } });
    await assert.rejects(p.start(), /exited while starting: code 3/);
  });

  test('a command that cannot run fails the start', async () => {
    const p = supervised({ run: { command: join(dir, 'no-such-binary') } });
    await assert.rejects(p.start(), /Cannot start the test process/);
  });

  test('stop(): a process that ignores SIGTERM is killed after the grace', async () => {
    const entry = await script('stubborn.mjs', `${STUBBORN}; process.send({ type: 'ready' });`);
    const p = supervised({ run: { fork: entry }, ready: { message: 'ready' }, stopGraceMs: 300 });
    await p.start();
    const child = p.child;
    assert.ok(child !== null);
    const exited = once(child, 'exit');
    const t0 = Date.now();
    await p.stop();
    const [, signal] = await exited;
    assert.equal(signal, 'SIGKILL');
    assert.ok(Date.now() - t0 >= 300);
  });

  test('stop(): the owner may ask over IPC instead of SIGTERM', async () => {
    const entry = await script('closes.mjs', "process.on('SIGTERM', () => {}); process.on('message', (m) => { if (m.type === 'close') process.exit(0); }); process.send({ type: 'ready' });");
    const p = supervised({ run: { fork: entry }, ready: { message: 'ready' }, stopRequest: (child) => child.send({ type: 'close' }), stopGraceMs: 5000 });
    await p.start();
    const child = p.child;
    assert.ok(child !== null);
    const exited = once(child, 'exit');
    await p.stop();
    assert.deepEqual(await exited, [0, null]);
  });

  test('a process that dies is restarted with back-off, and set up again each time', async () => {
    const delays: number[] = [];
    const exits: [number | null, NodeJS.Signals | null, boolean][] = [];
    let readies = 0;
    const p = supervised({
      run: { command: NODE, args: ['-e', IDLE] },
      restartDelayMs: (restarts) => {
        delays.push(restarts);
        return 100 * restarts;
      },
      onExit: (code, signal, restarting) => exits.push([code, signal, restarting]),
      onReady: () => {
        readies++;
      },
    });
    await p.start();
    assert.equal(readies, 1);
    const pids = [p.pid];
    for (let i = 0; i < 3; i++) {
      const pid = p.pid;
      assert.ok(pid !== undefined);
      process.kill(pid, 'SIGKILL');
      const next = await waitFor('a new process', () => p.running && p.pid !== pid && p.pid);
      pids.push(next);
    }
    assert.equal(new Set(pids).size, 4);
    assert.deepEqual(delays, [0, 1, 2], 'each restart backs off further');
    assert.deepEqual(exits, [
      [null, 'SIGKILL', true],
      [null, 'SIGKILL', true],
      [null, 'SIGKILL', true],
    ]);
    assert.equal(readies, 4);
    await p.stop();
  });

  test('start() while a restart is pending joins it: it resolves once the new process is ready', async () => {
    const p = supervised({ run: { command: NODE, args: ['-e', IDLE] }, restartDelayMs: () => 300 });
    await p.start();
    const pid = p.pid;
    assert.ok(pid !== undefined);
    const exited = waitFor('the exit', () => p.pid === undefined);
    process.kill(pid, 'SIGKILL');
    await exited;
    const t0 = Date.now();
    await p.start();
    assert.ok(Date.now() - t0 >= 200, 'the back-off is kept');
    assert.ok(p.pid !== undefined && p.pid !== pid);
    await p.stop();
  });

  test('restart: false reports the exit and starts nothing', async () => {
    const exits: boolean[] = [];
    const p = supervised({ run: { command: NODE, args: ['-e', 'setTimeout(() => process.exit(1), 100)'] }, restart: false, onExit: (_c, _s, restarting) => exits.push(restarting) });
    await p.start();
    await waitFor('the exit', () => exits.length > 0);
    assert.deepEqual(exits, [false]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(p.pid, undefined);
  });

  test('a restart that fails is retried, with back-off', async () => {
    const flag = join(dir, 'fail-once');
    const errors: string[] = [];
    // Runs; once killed, the next start fails (exits at once) until the flag file is gone.
    const p = supervised({
      run: { command: NODE, args: ['-e', `if (require('fs').existsSync(${JSON.stringify(flag)})) { require('fs').rmSync(${JSON.stringify(flag)}); process.exit(5); } ${IDLE}`] },
      // Ready once it has run for a while (a failing start exits before).
      ready: { probe: () => new Promise((resolve) => setTimeout(() => resolve(true), 300)) },
      restartDelayMs: () => 50,
      onError: (error) => errors.push(error.message),
    });
    await p.start();
    const pid = p.pid;
    assert.ok(pid !== undefined);
    await writeFile(flag, '');
    process.kill(pid, 'SIGKILL');
    await waitFor('a new process', () => p.running && p.pid !== pid);
    assert.ok(errors.length >= 1, 'one attempt failed');
    await p.stop();
  });

  test('stop() cancels a pending restart', async () => {
    const p = supervised({ run: { command: NODE, args: ['-e', IDLE] }, restartDelayMs: () => 200 });
    await p.start();
    const pid = p.pid;
    assert.ok(pid !== undefined);
    process.kill(pid, 'SIGKILL');
    await waitFor('the exit', () => p.pid === undefined);
    await p.stop();
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(p.pid, undefined);
  });

  test('joins the cgroup procs files before it runs (plain files stand in for cgroups)', async () => {
    const procs = [join(dir, 'a.procs'), join(dir, 'b.procs')];
    for (const f of procs) await writeFile(f, '');
    const p = supervised({ run: { command: NODE, args: ['-e', IDLE] }, cgroupProcs: procs });
    await p.start();
    // The wrapping shell writes its pid (the command's, after exec) as it starts, so it may
    // land just after the 'spawn' event that ends start().
    for (const f of procs) await waitFor(`${f} to hold the pid`, async () => (await readFile(f, 'utf8')).trim() === String(p.pid));
    await p.stop();
    const entry = await script('forked.mjs', "process.send({ type: 'ready' }); setInterval(() => {}, 1000);");
    const forked = supervised({ run: { fork: entry }, ready: { message: 'ready' }, cgroupProcs: procs });
    await forked.start();
    for (const f of procs) assert.equal((await readFile(f, 'utf8')).trim(), String(forked.pid));
    await forked.stop();
  });
});

describe('SupervisedProcess adoption', () => {
  test('a new supervisor adopts the process an earlier one (now gone) started, and can stop it', async () => {
    const pidFile = join(dir, 'daemon.pid');
    const modulePath = new URL('./supervised-process.js', import.meta.url).href;
    // The "earlier control plane": starts the daemon with a pidfile, then exits without stopping it.
    const earlier = await script(
      'earlier.mjs',
      `import { SupervisedProcess } from ${JSON.stringify(modulePath)};
       const p = new SupervisedProcess({ name: 'daemon', run: { command: ${JSON.stringify(NODE)}, args: ['-e', ${JSON.stringify(IDLE)}, 'cove-test-daemon'] }, pidFile: ${JSON.stringify(pidFile)} });
       await p.start();
       console.log(p.pid);
       process.exit(0);`,
    );
    const cp = spawn(NODE, [earlier], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    cp.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const [code] = await once(cp, 'exit');
    assert.equal(code, 0);
    const daemon = Number(out.trim());
    assert.ok(alive(daemon), 'the daemon outlived the control plane that started it');

    let readies = 0;
    const p = supervised({
      run: { command: NODE, args: ['-e', IDLE, 'cove-test-daemon'] },
      pidFile,
      onReady: (child) => {
        assert.equal(child, null, 'an adopted process is not our child');
        readies++;
      },
    });
    assert.equal(await p.adopt(), true);
    assert.equal(p.pid, daemon);
    assert.ok(p.running);
    assert.equal(readies, 1);
    assert.equal(await p.adopt(), false, 'already has one');
    await p.stop();
    // Not our child: if nobody reaps it at once it lingers as a zombie, which is gone all the same.
    assert.equal(processIdentity(daemon), null);
    assert.ok(!existsSync(pidFile), 'the pidfile goes with the process');
  });

  test('an adopted process that dies is restarted', async () => {
    const pidFile = join(dir, 'adopted-dies.pid');
    const daemon = spawn(NODE, ['-e', IDLE], { stdio: 'ignore', detached: true });
    await once(daemon, 'spawn');
    const pid = daemon.pid ?? 0;
    const identity = processIdentity(pid);
    assert.ok(identity !== null);
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim();
    await writeFile(pidFile, JSON.stringify({ pid, startTime: identity.startTime, cmdline }));
    const exits: boolean[] = [];
    const p = supervised({ run: { command: NODE, args: ['-e', IDLE] }, pidFile, restartDelayMs: () => 0, onExit: (_c, _s, restarting) => exits.push(restarting) });
    assert.equal(await p.adopt(), true);
    daemon.kill('SIGKILL');
    const next = await waitFor('a new process', () => p.running && p.pid !== pid && p.pid);
    assert.deepEqual(exits, [true]);
    assert.ok(alive(next));
    const saved = JSON.parse(await readFile(pidFile, 'utf8')) as { pid: number };
    assert.equal(saved.pid, next, 'the pidfile names the new process');
    await p.stop();
  });

  test('a pidfile whose pid is now another process is not adopted, and that process is left alone', async () => {
    const pidFile = join(dir, 'stale.pid');
    const me = processIdentity(process.pid);
    assert.ok(me !== null);
    const cmdline = (await readFile(`/proc/${process.pid}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim();
    // Same pid and command line, another start time: the pid was reused.
    await writeFile(pidFile, JSON.stringify({ pid: process.pid, startTime: String(Number(me.startTime) + 1), cmdline }));
    const p = supervised({ run: { command: NODE, args: ['-e', IDLE] }, pidFile });
    assert.equal(await p.adopt(), false);
    assert.ok(!existsSync(pidFile), 'a stale pidfile is removed');
    // Same pid and start time, another command line.
    await writeFile(pidFile, JSON.stringify({ pid: process.pid, startTime: me.startTime, cmdline: 'haproxy -f x' }));
    assert.equal(await p.adopt(), false);
    await p.stop();
    assert.ok(alive(process.pid));
    assert.equal(p.pid, undefined);
  });

  test('no pidfile: nothing to adopt', async () => {
    const p = supervised({ run: { command: NODE, args: ['-e', IDLE] }, pidFile: join(dir, 'missing.pid') });
    assert.equal(await p.adopt(), false);
    const without = supervised({ run: { command: NODE, args: ['-e', IDLE] } });
    await assert.rejects(without.adopt(), /has no pidfile/);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('SupervisedProcess leave()', () => {
  test('leave() keeps the process and its pidfile; a new supervisor adopts it; stopPidFile() stops it without starting anything', async () => {
    const pidFile = join(dir, 'left.pid');
    const exits: unknown[] = [];
    const first = supervised({ run: { command: NODE, args: ['-e', IDLE] }, pidFile, detached: true, onExit: (code) => exits.push(code) });
    await first.start();
    const pid = first.pid;
    assert.ok(pid !== undefined);
    first.leave();
    assert.equal(first.pid, undefined);
    assert.equal(first.running, false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(alive(pid), 'left running');
    assert.deepEqual(exits, [], 'its former supervisor neither hears of it nor restarts it');
    assert.equal((await pidFileProcess(pidFile))?.pid, pid);

    const second = supervised({ run: { command: NODE, args: ['-e', IDLE] }, pidFile });
    assert.equal(await second.adopt(), true);
    assert.equal(second.pid, pid);
    second.leave();

    assert.equal(await stopPidFile(pidFile, 2000), true);
    await waitFor('gone', () => processIdentity(pid) === null);
    assert.equal(existsSync(pidFile), false);
    assert.equal(await stopPidFile(pidFile), false, 'nothing left');
    assert.deepEqual(exits, []);
  });

  test('a detached process has its own session (a signal to the server\'s process group misses it)', async () => {
    const p = supervised({ run: { command: NODE, args: ['-e', IDLE] }, detached: true });
    await p.start();
    const pid = p.pid;
    assert.ok(pid !== undefined);
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    assert.equal(fields[3], String(pid), 'its own session leader');
    await p.stop();
  });

  test('stopPidFile() leaves a process alone whose pid the pidfile names but whose start time differs', async () => {
    const pidFile = join(dir, 'reused.pid');
    const other = spawn(NODE, ['-e', IDLE], { stdio: 'ignore' });
    await once(other, 'spawn');
    const pid = other.pid ?? 0;
    await writeFile(pidFile, JSON.stringify({ pid, startTime: '1', cmdline: `${NODE} -e ${IDLE}` }));
    assert.equal(await stopPidFile(pidFile), false);
    assert.ok(alive(pid));
    other.kill('SIGKILL');
    await once(other, 'exit');
  });
});
