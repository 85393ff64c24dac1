import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { coveFor, ok, type Cove } from './cove-runner.js';

const run = promisify(execFile);
let p: BootedPlatform;
let cove: Cove;
let dir = '';

before(async () => {
  p = await bootPlatform();
  cove = await coveFor(p.url, p.adminToken);
  dir = await mkdtemp(join(tmpdir(), 'cove-cli-certs-'));
  ok(await cove(['apps:create', 'shop']));
});
after(async () => {
  await cove.cleanup();
  await p.close();
  await rm(dir, { recursive: true, force: true });
});

test('domains:add, domains and domains:remove manage custom domains and show the DNS target', async () => {
  const added = ok(await cove(['domains:add', 'www.example.com', '-a', 'shop']));
  assert.match(added.stdout, /DNS Target shop\.apps\.test/);
  const listed = ok(await cove(['domains', '-a', 'shop']));
  assert.match(listed.stdout, /shop\.apps\.test/);
  assert.match(listed.stdout, /www\.example\.com\s+CNAME\s+shop\.apps\.test/);
  ok(await cove(['domains:remove', 'www.example.com', '-a', 'shop']));
  assert.doesNotMatch(ok(await cove(['domains', '-a', 'shop'])).stdout, /www\.example\.com/);
});

test("an internal app's custom domain shows its space's internal router address as an A record target", async () => {
  await p.createSpace();
  ok(await cove(['apps:create', 'ledger', '--space', 'prod', '--internal-routing']));
  assert.match(ok(await cove(['domains:add', 'ledger.corp.example', '-a', 'ledger'])).stdout, /DNS Target 10\.0\.0\.10/);
  assert.match(ok(await cove(['domains', '-a', 'ledger'])).stdout, /ledger\.corp\.example\s+A\s+10\.0\.0\.10/);
});

test('certs:add, certs and certs:remove manage SNI certificates', async () => {
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30', '-subj', '/CN=secure.example.com',
    '-addext', 'subjectAltName=DNS:secure.example.com', '-keyout', join(dir, 'server.key'), '-out', join(dir, 'server.crt')]);
  const added = ok(await cove(['certs:add', join(dir, 'server.crt'), join(dir, 'server.key'), '-a', 'shop']));
  assert.match(added.stdout, /for secure\.example\.com/);
  assert.match(ok(await cove(['certs', '-a', 'shop'])).stdout, /secure\.example\.com/);
  ok(await cove(['certs:remove', '-a', 'shop']));
  assert.match(ok(await cove(['certs', '-a', 'shop'])).stdout, /has no SSL certificates/);
});
