/**
 * The cove CLI's logs and drains commands against a real server: `logs` with -n/-d/-p/-s,
 * `logs --tail` printing a line emitted after it started, `drains`, `drains:add`,
 * `drains:remove` and `spaces:drains:set/get`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { COVE_BIN, coveFor, ok, type Cove } from './cove-runner.js';


const TS = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00';

let p: BootedPlatform;
let cove: Cove;
let appId: string;
const append = (source: 'app' | 'heroku', dyno: string, message: string): void => {
  p.platform.store.appendLog({ appId, time: new Date().toISOString(), source, dyno, message });
};

before(async () => {
  p = await bootPlatform();
  cove = await coveFor(p.url, p.adminToken);
  ok(await cove(['apps:create', 'cove-logs']));
  appId = (await p.request('GET', '/apps/cove-logs')).body.id;
  append('heroku', 'router', 'at=info method=GET path="/" status=200');
  append('app', 'web.1', 'hello from web.1');
  append('heroku', 'web.1', 'State changed from starting to up');
});
after(async () => {
  await cove.cleanup();
  await p.close();
});

test('logs prints Heroku-format lines; -n, -p, -d and -s filter them', async () => {
  const all = ok(await cove(['logs', '-a', 'cove-logs'])).stdout;
  assert.match(all, new RegExp(`^${TS} app\\[api\\]: Initial release by user ${p.adminEmail}$`, 'm'));
  assert.match(all, new RegExp(`^${TS} heroku\\[router\\]: at=info method=GET path="/" status=200$`, 'm'));
  assert.equal(ok(await cove(['logs', '-a', 'cove-logs', '-n', '2'])).stdout.trim().split('\n').length, 2);
  const router = ok(await cove(['logs', '-a', 'cove-logs', '-p', 'router'])).stdout.trim().split('\n');
  assert.equal(router.length, 1);
  assert.match(router[0] ?? '', /heroku\[router\]/);
  const web1 = ok(await cove(['logs', '-a', 'cove-logs', '-d', 'web.1', '-s', 'heroku'])).stdout.trim().split('\n');
  assert.deepEqual(web1.map((l) => l.replace(new RegExp(`^${TS} `), '')), ['heroku[web.1]: State changed from starting to up']);
  const refused = await cove(['logs', '-a', 'cove-logs', '-n', 'lots']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /--num must be a number/);
});

test('logs --tail prints a line emitted after it started, until interrupted', async () => {
  const child = spawn(COVE_BIN, ['logs', '-a', 'cove-logs', '--tail', '-n', '1'], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: cove.home, XDG_CONFIG_HOME: cove.configHome, COVE_API_URL: p.url, COVE_API_KEY: p.adminToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const seen = (pattern: RegExp): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (pattern.test(stdout)) {
          child.stdout.off('data', check);
          resolve();
        }
      };
      child.stdout.on('data', check);
      child.once('close', () => reject(new Error(`cove logs --tail exited before ${pattern}:\n${stdout}\n${stderr}`)));
      check();
    });
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  await seen(/State changed from starting to up\n/);
  append('app', 'web.1', 'emitted after the tail started');
  await seen(/app\[web\.1\]: emitted after the tail started\n/);
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  child.kill('SIGINT');
  assert.equal(await closed, 0, stderr);
});

test('drains:add, drains, drains:remove; spaces:drains:set and spaces:drains:get', async () => {
  assert.equal(ok(await cove(['drains', '-a', 'cove-logs'])).stdout, 'cove-logs has no log drains.\n');
  assert.equal(ok(await cove(['drains:add', 'syslog://127.0.0.1:6514', '-a', 'cove-logs'])).stdout, 'Successfully added drain syslog://127.0.0.1:6514\n');
  const token = (await p.request('GET', '/apps/cove-logs/log-drains')).body[0].token as string;
  assert.equal(ok(await cove(['drains', '-a', 'cove-logs'])).stdout, `=== Drains\n\nsyslog://127.0.0.1:6514 (${token})\n`);
  const bad = await cove(['drains:add', 'syslog://localhost', '-a', 'cove-logs']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /needs a port/);
  assert.equal(ok(await cove(['drains:remove', token, '-a', 'cove-logs'])).stdout, 'Successfully removed drain syslog://127.0.0.1:6514\n');

  ok(await cove(['teams:create', 'acme']));
  ok(await cove(['spaces:create', '--space', 'drained', '--team', 'acme']));
  assert.equal(
    ok(await cove(['spaces:drains:set', 'https://localhost:6516/space', '--space', 'drained'])).stdout,
    'Successfully set drain https://localhost:6516/space for drained.\n',
  );
  const spaceToken = (await p.request('GET', '/spaces/drained/log-drain')).body.token as string;
  assert.equal(ok(await cove(['spaces:drains:get', '--space', 'drained'])).stdout, `https://localhost:6516/space (${spaceToken})\n`);
});
