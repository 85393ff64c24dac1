/**
 * Deploys through the API on a real platform with the in-memory runtime: the builds resource
 * (sources upload, loopback-only source URLs, output_stream_url, list and info), buildpack
 * installations, release phase (pending until its one-off dyno exits; failure keeps the old
 * release), and rolling deploys in a space (4 web dynos replaced one at a time, never fewer
 * than 3 up, counted from the runtime itself).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { MemoryRuntime, type DynoSpec, type RuntimeHooks } from '@cove/platform';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

const run = promisify(execFile);

/** The in-memory runtime, sampling how many web dynos are up after every change. */
class CountingRuntime extends MemoryRuntime {
  readonly upSamples: number[] = [];
  readonly startingSamples: number[] = [];
  tracking = false;

  constructor(hooks: RuntimeHooks) {
    super({ hooks: { ...hooks, changed: () => { void this.sample(); hooks.changed?.(); } } });
  }

  override async startDyno(spec: DynoSpec): Promise<void> {
    await super.startDyno(spec);
    await this.sample();
  }

  override async stopDyno(dynoId: string): Promise<void> {
    await super.stopDyno(dynoId);
    await this.sample();
  }

  async sample(): Promise<void> {
    if (!this.tracking) return;
    const web = (await this.listDynos()).filter((d) => d.type === 'web' && d.appId === this.appId);
    this.upSamples.push(web.filter((d) => d.state === 'up').length);
    this.startingSamples.push(web.filter((d) => d.state === 'starting').length);
  }

  appId = '';
}

async function tarball(files: Record<string, string>): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'cove-source-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text, { mode: 0o755 });
  await run('tar', ['-czf', join(dir, 'source.tgz'), '-C', dir, ...Object.keys(files)]);
  const data = await readFile(join(dir, 'source.tgz'));
  await rm(dir, { recursive: true, force: true });
  return data;
}

describe('builds, buildpacks, release phase and rolling deploys', () => {
  let p: BootedPlatform;
  let runtime: CountingRuntime | undefined;

  before(async () => {
    p = await bootPlatform({
      runtime: (hooks) => {
        runtime = new CountingRuntime(hooks);
        return runtime;
      },
    });
    await p.createSpace();
    assert.equal((await p.request('POST', '/teams/apps', { body: { name: 'api', space: 'prod' } })).status, 201);
  });
  after(() => p?.close());

  /** Uploads a source through POST /sources and builds it; returns the build and its whole output. */
  const build = async (files: Record<string, string>, extra: Record<string, unknown> = {}): Promise<{ build: any; output: string }> => {
    const source = await p.request('POST', '/sources');
    assert.equal(source.status, 201);
    const data = await tarball(files);
    assert.equal((await fetch(source.body.source_blob.put_url, { method: 'PUT', body: data })).status, 200);
    const checksum = `SHA256:${createHash('sha256').update(data).digest('hex')}`;
    const created = await p.request('POST', '/apps/api/builds', { body: { source_blob: { url: source.body.source_blob.get_url, version: 'v-test', checksum }, ...extra } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'pending');
    const output = await (await fetch(created.body.output_stream_url)).text();
    const final = await p.request('GET', `/apps/api/builds/${created.body.id}`);
    return { build: final.body, output };
  };

  test('POST /apps/:app/builds builds an uploaded source; output_stream_url streams the output; GET one and the list', async () => {
    const { build: done, output } = await build({ Procfile: 'web: ./web.sh\nworker: ./work.sh\n', 'web.sh': '#!/bin/sh\n', 'work.sh': '#!/bin/sh\n' });
    assert.match(output, /^-----> Building on Cove$/m);
    assert.match(output, /^-----> Procfile app detected$/m);
    assert.match(output, /Procfile declares types {5}-> web, worker/);
    assert.match(output, /Released v\d+/);
    assert.equal(done.status, 'succeeded');
    assert.deepEqual(done.source_blob.version, 'v-test');
    assert.ok(done.slug?.id && done.release?.id);
    const slug = await p.request('GET', `/apps/api/slugs/${done.slug.id}`);
    assert.deepEqual(slug.body.process_types, { web: './web.sh', worker: './work.sh' });
    const release = await p.request('GET', `/apps/api/releases/${done.release.id}`);
    assert.equal(release.body.current, true);
    const list = await p.request('GET', '/apps/api/builds');
    assert.deepEqual(list.body.map((b: { id: string }) => b.id), [done.id]);
    // The stream can be read again once the build has ended.
    assert.equal(await (await fetch(done.output_stream_url)).text(), output);
  });

  test('builds refuse sources off this machine and bad tokens; a wrong checksum fails the build', async () => {
    const elsewhere = await p.request('POST', '/apps/api/builds', { body: { source_blob: { url: 'https://example.com/app.tgz' } } });
    assert.equal(elsewhere.status, 422);
    assert.match(elsewhere.body.message, /loopback/);
    const forged = await p.request('POST', '/apps/api/builds', { body: { source_blob: { url: `${p.url}/sources/00000000-0000-4000-8000-000000000000/blob?token=x` } } });
    assert.equal(forged.status, 422);
    const source = await p.request('POST', '/sources');
    await fetch(source.body.source_blob.put_url, { method: 'PUT', body: await tarball({ Procfile: 'web: x\n' }) });
    const created = await p.request('POST', '/apps/api/builds', { body: { source_blob: { url: source.body.source_blob.get_url, checksum: `SHA256:${'0'.repeat(64)}` } } });
    const output = await (await fetch(created.body.output_stream_url)).text();
    assert.match(output, /Cannot fetch the source: checksum/);
    assert.equal((await p.request('GET', `/apps/api/builds/${created.body.id}`)).body.status, 'failed');
    assert.equal((await p.request('GET', '/apps/nope/builds')).status, 404);
  });

  test('a source URL on a loopback http server is downloaded and built', async () => {
    const data = await tarball({ Procfile: 'web: ./web.sh\n', 'web.sh': '#!/bin/sh\n' });
    const server = createServer((_req, res) => res.end(data));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const created = await p.request('POST', '/apps/api/builds', { body: { source_blob: { url: `http://127.0.0.1:${port}/app.tgz`, version: 'abc123' } } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const output = await (await fetch(created.body.output_stream_url)).text();
      assert.match(output, /Released v\d+/);
      const done = (await p.request('GET', `/apps/api/builds/${created.body.id}`)).body;
      assert.equal(done.status, 'succeeded');
      assert.equal(done.source_blob.url, `http://127.0.0.1:${port}/app.tgz`);
    } finally {
      server.close();
    }
  });

  test('buildpack-installations: PUT sets the list, GET shows it, builds use it; bad URLs are refused', async () => {
    const set = await p.request('PUT', '/apps/api/buildpack-installations', { body: { updates: [{ buildpack: 'heroku/nodejs' }] } });
    assert.equal(set.status, 200);
    assert.deepEqual(set.body, [{ ordinal: 0, buildpack: { url: 'heroku/nodejs', name: 'heroku/nodejs' } }]);
    assert.deepEqual((await p.request('GET', '/apps/api/buildpack-installations')).body, set.body);
    const { build: failed, output } = await build({ Procfile: 'web: x\n' });
    assert.equal(failed.status, 'failed');
    assert.match(output, /-----> Using buildpack: heroku\/nodejs/);
    assert.match(output, /App not compatible with buildpack: heroku\/nodejs/);
    assert.deepEqual(failed.buildpacks, [{ url: 'heroku/nodejs', name: 'heroku/nodejs' }]);

    const remote = await p.request('PUT', '/apps/api/buildpack-installations', { body: { updates: [{ buildpack: 'https://github.com/heroku/heroku-buildpack-ruby.git' }] } });
    assert.equal(remote.status, 422);
    assert.match(remote.body.message, /builds offline/);
    const cleared = await p.request('PUT', '/apps/api/buildpack-installations', { body: { updates: [] } });
    assert.deepEqual(cleared.body, []);
  });

  test('a local buildpack directory runs detect, compile and release; its default process types apply', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cove-buildpack-'));
    await run('mkdir', ['-p', join(dir, 'bin')]);
    await writeFile(join(dir, 'bin', 'detect'), '#!/bin/sh\n[ -f "$1/hello.txt" ] && echo Hello\n', { mode: 0o755 });
    await writeFile(join(dir, 'bin', 'compile'), '#!/bin/sh\necho "-----> Saying hello as uid $(id -u)"\ncp "$1/hello.txt" "$1/compiled.txt"\n', { mode: 0o755 });
    await writeFile(join(dir, 'bin', 'release'), "#!/bin/sh\nprintf -- '---\\ndefault_process_types:\\n  web: cat compiled.txt\\n'\n", { mode: 0o755 });
    try {
      const { build: done, output } = await build({ 'hello.txt': 'hi\n' }, { buildpacks: [{ url: dir }] });
      assert.equal(done.status, 'succeeded', output);
      assert.match(output, /-----> Hello app detected/);
      const uid = Number(/Saying hello as uid (\d+)/.exec(output)?.[1]);
      if (process.getuid?.() === 0) assert.notEqual(uid, 0, 'builds run as an unprivileged user');
      const slug = await p.request('GET', `/apps/api/slugs/${done.slug.id}`);
      assert.deepEqual(slug.body.process_types, { web: 'cat compiled.txt' });

      // The same buildpack from a git repository (cloned once into the data directory).
      const bare = join(dir, 'hello-buildpack.git');
      await run('git', ['init', '-q', '-b', 'main'], { cwd: dir });
      await run('git', ['add', 'bin'], { cwd: dir });
      await run('git', ['-c', 'user.email=b@example.com', '-c', 'user.name=B', 'commit', '-qm', 'buildpack'], { cwd: dir });
      await run('git', ['clone', '-q', '--bare', dir, bare]);
      const fromGit = await build({ 'hello.txt': 'hi\n' }, { buildpacks: [{ url: `file://${bare}` }] });
      assert.equal(fromGit.build.status, 'succeeded', fromGit.output);
      assert.match(fromGit.output, /-----> Hello app detected/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('release phase: the release stays pending until its one-off dyno exits; failure keeps the current release', async () => {
    const current = (await p.request('GET', '/apps/api/releases')).body.find((r: { current: boolean }) => r.current);
    const { releaseVersion: ok } = await p.deploySlug('api', { web: 'node server.js', release: 'exit 0' });
    await p.waitFor('release phase succeeded', async () => (await p.request('GET', `/apps/api/releases/${ok}`)).body.status === 'succeeded');
    assert.equal((await p.request('GET', `/apps/api/releases/${ok}`)).body.current, true);
    assert.notEqual(ok, current.version);
    // A config change runs the release phase too; its vars read back at once.
    await p.request('PATCH', '/apps/api/config-vars', { body: { PHASE: 'one' } });
    assert.equal((await p.request('GET', '/apps/api/config-vars')).body.PHASE, 'one');
    const live = await p.waitFor('config release live', async () => {
      const newest = (await p.request('GET', '/apps/api/releases')).body.at(-1);
      return newest.status === 'succeeded' && newest.current ? (newest.version as number) : undefined;
    });
    const formation = (await p.request('GET', '/apps/api/formation')).body.map((f: { type: string }) => f.type);
    assert.equal(formation.includes('release'), false);

    const { releaseVersion: bad } = await p.deploySlug('api', { web: 'node other.js', release: 'exit 2' });
    await p.waitFor('release phase failed', async () => (await p.request('GET', `/apps/api/releases/${bad}`)).body.status === 'failed');
    const releases = (await p.request('GET', '/apps/api/releases')).body as { version: number; current: boolean }[];
    assert.equal(releases.find((r) => r.current)?.version, live);
    assert.equal((await p.request('GET', '/apps/api/config-vars')).body.PHASE, 'one');
    const web = (await p.request('GET', '/apps/api/formation/web')).body;
    assert.equal(web.command, 'node server.js');
    await p.waitFor('release dyno gone', async () => !(await p.request('GET', '/apps/api/dynos')).body.some((d: { type: string }) => d.type === 'release'));
  });

  test('a deploy to 4 web dynos in a space rolls one at a time and never has fewer than 3 up', async () => {
    const app = (await p.request('GET', '/apps/api')).body;
    const { releaseVersion: from } = await p.deploySlug('api', { web: 'node server.js' });
    await p.request('PATCH', '/apps/api/formation', { body: { updates: [{ type: 'web', quantity: 4 }] } });
    const upAt = async (version: number): Promise<boolean> => {
      const dynos = ((await p.request('GET', '/apps/api/dynos')).body as { type: string; state: string; release: { version: number } }[]).filter((d) => d.type === 'web');
      return dynos.length === 4 && dynos.every((d) => d.state === 'up' && d.release.version === version);
    };
    await p.waitFor('4 dynos up', () => upAt(from));
    assert.ok(runtime);
    runtime.appId = app.id;
    runtime.tracking = true;
    const { releaseVersion: to } = await p.deploySlug('api', { web: 'node server.js --v2' });
    await p.waitFor('rolled to the new release', () => upAt(to));
    runtime.tracking = false;
    assert.ok(runtime.upSamples.length > 4);
    assert.ok(Math.min(...runtime.upSamples) >= 3, `up counts: ${runtime.upSamples.join(' ')}`);
    assert.equal(Math.max(...runtime.startingSamples), 1, `starting counts: ${runtime.startingSamples.join(' ')}`);

    // Scaling to one and deploying again: the single dyno restarts into the new release.
    await p.request('PATCH', '/apps/api/formation', { body: { updates: [{ type: 'web', quantity: 1 }] } });
    const { releaseVersion: single } = await p.deploySlug('api', { web: 'node server.js --v3' });
    await p.waitFor('one dyno at the new release', async () => {
      const dynos = ((await p.request('GET', '/apps/api/dynos')).body as { type: string; state: string; release: { version: number } }[]).filter((d) => d.type === 'web');
      return dynos.length === 1 && dynos[0]?.state === 'up' && dynos[0].release.version === single;
    });
  });
});

describe('builds on a server without a runtime', () => {
  test('a release phase fails at once with a reason instead of waiting for a dyno that cannot run', async () => {
    const p = await bootPlatform({ runtime: 'none' });
    try {
      await p.request('POST', '/apps', { body: { name: 'norun' } });
      const source = await p.request('POST', '/sources');
      await fetch(source.body.source_blob.put_url, { method: 'PUT', body: await tarball({ Procfile: 'web: ./web.sh\nrelease: ./migrate.sh\n', 'web.sh': '#!/bin/sh\n', 'migrate.sh': '#!/bin/sh\n' }) });
      const created = await p.request('POST', '/apps/norun/builds', { body: { source_blob: { url: source.body.source_blob.get_url } } });
      const output = await (await fetch(created.body.output_stream_url)).text();
      assert.match(output, /No runtime runs dynos on this server/);
      assert.match(output, /Release v\d+ failed/);
      const releases = (await p.request('GET', '/apps/norun/releases')).body as { status: string; current: boolean }[];
      assert.equal(releases.at(-1)?.status, 'failed');
    } finally {
      await p.close();
    }
  });
});
