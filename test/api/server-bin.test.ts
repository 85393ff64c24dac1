import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SERVER = new URL('../../../packages/platform/dist/bin/server.js', import.meta.url).pathname;

test('cove server: first start prints the admin key once, keeps it 0600 and only hashed in the store', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'cove-bin-'));
  const env = { ...process.env };
  delete env['COVE_ADMIN_TOKEN'];
  const child = spawn(process.execPath, [SERVER, '--data-dir', dataDir, '--api', '127.0.0.1:0', '--runtime', 'none'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/API key:.*\n/.test(out)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const key = /API key:\s+(\S+)/.exec(out)?.[1] ?? '';
    assert.match(key, /^HRKU-/);
    assert.match(out, /CA cert:\s+\S+ca\.crt/);
    const file = join(dataDir, 'admin.token');
    assert.equal((await readFile(file, 'utf8')).trim(), key);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const db = await readFile(join(dataDir, 'cove.db'));
    assert.equal(db.includes(Buffer.from(key)), false, 'the key must not be stored in clear');
    const url = /API:\s+(http:\/\/\S+)/.exec(out)?.[1] ?? '';
    const res = await fetch(`${url}/account`, { headers: { Authorization: `Bearer ${key}` } });
    assert.equal(res.status, 200);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('cove server: a bad flag is a clear error with exit code 2', async () => {
  await assert.rejects(run(process.execPath, [SERVER, '--api', 'nonsense']), (error: { code?: number; stderr?: string }) => {
    assert.equal(error.code, 2);
    assert.match(error.stderr ?? '', /Invalid --api "nonsense"/);
    return true;
  });
});

/** A free port on the loopback (for a server that must be hammered before it prints its address). */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** One request on a new connection: 'refused', the status, or 'hung' when an accepted connection got no answer within 5 s. */
async function probe(port: number): Promise<'refused' | 'hung' | number> {
  const { request } = await import('node:http');
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/account', agent: false, headers: { Authorization: 'Bearer HRKU-startup-probe-0123456789' } });
    let connected = false;
    const timer = setTimeout(() => {
      resolve(connected ? 'hung' : 'refused');
      req.destroy();
    }, 5000);
    req.on('socket', (socket) => socket.once('connect', () => (connected = true)));
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => {
      clearTimeout(timer);
      resolve(connected ? 'hung' : 'refused');
    });
    req.end();
  });
}

test('cove server: every connection made while it starts is refused (to retry) or answered within 5 s, never left hanging', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'cove-bin-start-'));
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER, '--data-dir', dataDir, '--api', `127.0.0.1:${port}`, '--runtime', 'none'], { stdio: 'ignore' });
  try {
    const outcomes: ('refused' | 'hung' | number)[] = [];
    const inFlight: Promise<void>[] = [];
    // A new connection every 5 ms, each waited for on its own, until the API has answered 20 times.
    for (let i = 0; i < 4000 && outcomes.filter((o) => typeof o === 'number').length < 20; i++) {
      inFlight.push(probe(port).then((o) => void outcomes.push(o)));
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(inFlight);
    assert.equal(outcomes.filter((o) => o === 'hung').length, 0, `accepted connections left unanswered: ${JSON.stringify(outcomes.filter((o) => o === 'hung').length)}`);
    const statuses = new Set(outcomes.filter((o): o is number => typeof o === 'number'));
    // Unknown key: 401 once the API serves; 503 (retry) only if start-up took longer than the wait.
    for (const status of statuses) assert.ok(status === 401 || status === 503, `status ${status}`);
    assert.ok(statuses.has(401));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
});
