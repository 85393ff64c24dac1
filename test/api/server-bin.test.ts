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
