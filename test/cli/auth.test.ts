import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { coveFor, ok, type Cove } from './cove-runner.js';

let p: BootedPlatform;
let cove: Cove;
let devKey: string;

before(async () => {
  p = await bootPlatform();
  devKey = await p.createUser('dev@example.com');
  cove = await coveFor(p.url, null);
});
after(async () => {
  await cove.cleanup();
  await p.close();
});

const credentialsFile = (): string => join(cove.configHome, 'cove', 'credentials.json');

test('cove login with an API key as the password saves a 0600 credentials file', async () => {
  const result = ok(await cove(['login', '--email', 'dev@example.com', '--password', devKey]));
  assert.equal(result.stdout, 'Logged in as dev@example.com\n');
  const info = await stat(credentialsFile());
  assert.equal(info.mode & 0o777, 0o600);
  const saved = JSON.parse(await readFile(credentialsFile(), 'utf8')) as Record<string, string>;
  assert.equal(saved['api_url'], p.url);
  assert.equal(saved['email'], 'dev@example.com');
  assert.match(saved['token'] ?? '', /\S{20,}/);
  assert.notEqual(saved['token'], devKey, 'login issues a new token');

  assert.equal(ok(await cove(['auth:whoami'])).stdout, 'dev@example.com\n');
  assert.equal(ok(await cove(['auth:token'])).stdout, `${saved['token']}\n`);
  // The saved api_url is used when COVE_API_URL is not set.
  assert.equal(ok(await cove(['whoami'], { env: { COVE_API_URL: undefined } })).stdout, 'dev@example.com\n');
});

test('cove login reads email and password from stdin lines when it is not a TTY', async () => {
  ok(await cove(['login'], { input: `${p.adminEmail}\n${p.adminToken}\n` }));
  assert.equal(ok(await cove(['auth:whoami'])).stdout, `${p.adminEmail}\n`);
});

test('cove login with a wrong password exits 2 with the API message', async () => {
  const result = await cove(['login', '--email', 'dev@example.com', '--password', 'wrong-password']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^Error: Invalid credentials provided\.\n\nError ID: unauthorized/);
});

test('cove logout revokes the token and deletes the credentials file', async () => {
  ok(await cove(['login', '--email', 'dev@example.com', '--password', devKey]));
  const { token } = JSON.parse(await readFile(credentialsFile(), 'utf8')) as { token: string };
  ok(await cove(['logout']));
  await assert.rejects(stat(credentialsFile()), { code: 'ENOENT' });
  const revoked = await p.request('GET', '/account', { token });
  assert.equal(revoked.status, 401);

  const whoami = await cove(['auth:whoami']);
  assert.equal(whoami.code, 1);
  assert.match(whoami.stderr, /Error: Not logged in/);
  assert.match(whoami.stderr, /cove login/);
});

test('an invalid COVE_API_KEY exits 2 and suggests cove login', async () => {
  const result = await cove(['teams'], { env: { COVE_API_KEY: 'not-a-key' } });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^Error: .+\n\nError ID: unauthorized/);
  assert.match(result.stderr, /Run cove login/);
});

test('users:create (server admin) prints the new API key once, and it logs in', async () => {
  const result = ok(await cove(['users:create', 'new@example.com', '--password', 'correct-horse'], { env: { COVE_API_KEY: p.adminToken } }));
  const key = /^API key: (\S+)$/m.exec(result.stdout)?.[1];
  assert.ok(key !== undefined, result.stdout);
  assert.match(result.stderr, /Creating user new@example.com\.\.\. done/);
  ok(await cove(['login', '--email', 'new@example.com', '--password', 'correct-horse']));
  assert.equal(ok(await cove(['auth:whoami'])).stdout, 'new@example.com\n');
  const denied = await cove(['users:create', 'other@example.com'], { env: { COVE_API_KEY: key } });
  assert.equal(denied.code, 2);
  assert.match(denied.stderr, /Error: Only the server admin can create accounts\./);
});

test('a server that is not there is a network error: exit 1 with a hint', async () => {
  const result = await cove(['teams'], { env: { COVE_API_URL: 'http://127.0.0.1:9', COVE_API_KEY: 'x' } });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Error: Cannot reach the Cove API at http:\/\/127\.0\.0\.1:9/);
  assert.match(result.stderr, /COVE_API_URL/);
});
