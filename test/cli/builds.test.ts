import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { coveFor, ok, type Cove } from './cove-runner.js';

const run = promisify(execFile);
let p: BootedPlatform;
let cove: Cove;

before(async () => {
  p = await bootPlatform();
  cove = await coveFor(p.url, p.adminToken);
  ok(await cove(['apps:create', 'web']));
});
after(async () => {
  await cove.cleanup();
  await p.close();
});

test('buildpacks, buildpacks:set/add/remove/clear edit the app\'s buildpack list through the API', async () => {
  assert.equal(ok(await cove(['buildpacks', '-a', 'web'])).stdout, '⬢ web has no Buildpack URL set.\n');

  const set = ok(await cove(['buildpacks:set', 'heroku/nodejs', '-a', 'web']));
  assert.match(set.stdout, /^Buildpack set\. Next release on ⬢ web will use heroku\/nodejs\.\nRun git push cove main/);
  const added = ok(await cove(['buildpacks:add', 'cove/procfile', '-i', '1', '-a', 'web']));
  assert.match(added.stdout, /Buildpack added\. Next release on ⬢ web will use:\n {2}1\. cove\/procfile\n {2}2\. heroku\/nodejs\n/);
  assert.equal(ok(await cove(['buildpacks', '-a', 'web'])).stdout, '=== ⬢ web Buildpack URLs\n\n1. cove/procfile\n2. heroku/nodejs\n');
  const api = await p.request('GET', '/apps/web/buildpack-installations');
  assert.deepEqual(api.body.map((b: { buildpack: { url: string } }) => b.buildpack.url), ['cove/procfile', 'heroku/nodejs']);

  const removed = ok(await cove(['buildpacks:remove', '-i', '1', '-a', 'web']));
  assert.match(removed.stdout, /^Buildpack removed\. Next release on ⬢ web will use heroku\/nodejs\./);
  const duplicate = await cove(['buildpacks:add', 'heroku/nodejs', '-a', 'web']);
  assert.equal(duplicate.code, 1);
  assert.match(duplicate.stderr, /already set/);
  const remote = await cove(['buildpacks:set', 'https://github.com/heroku/heroku-buildpack-ruby.git', '-a', 'web']);
  assert.equal(remote.code, 2);
  assert.match(remote.stderr, /builds offline/);

  assert.equal(ok(await cove(['buildpacks:clear', '-a', 'web'])).stdout, 'Buildpacks cleared. Next release on ⬢ web will detect buildpacks normally.\n');
  assert.deepEqual((await p.request('GET', '/apps/web/buildpack-installations')).body, []);
});

test('builds lists an app\'s builds and builds:output prints the latest one\'s output', async () => {
  assert.equal(ok(await cove(['builds', '-a', 'web'])).stdout, '⬢ web has no builds.\n');
  const dir = await mkdtemp(join(tmpdir(), 'cove-cli-source-'));
  await writeFile(join(dir, 'Procfile'), 'web: ./web.sh\n');
  await writeFile(join(dir, 'web.sh'), '#!/bin/sh\n', { mode: 0o755 });
  await run('tar', ['-czf', join(dir, 'source.tgz'), '-C', dir, 'Procfile', 'web.sh']);
  const source = await p.request('POST', '/sources');
  await fetch(source.body.source_blob.put_url, { method: 'PUT', body: await readFile(join(dir, 'source.tgz')) });
  await rm(dir, { recursive: true, force: true });
  const created = await p.request('POST', '/apps/web/builds', { body: { source_blob: { url: source.body.source_blob.get_url, version: 'abcdef123456' } } });
  assert.equal(created.status, 201);

  const output = ok(await cove(['builds:output', '-a', 'web']));
  assert.match(output.stdout, /^-----> Building on Cove\n-----> Determining which buildpack to use for this app\n-----> Procfile app detected\n/);
  assert.match(output.stdout, /Released v\d+/);
  const list = ok(await cove(['builds', '-a', 'web']));
  assert.match(list.stdout, new RegExp(`^=== ⬢ web Builds\\n\\n${created.body.id}  succeeded  ${p.adminEmail.replace('.', '\\.')}  abcdef12  `, 'm'));
});
