/**
 * What a backend gets for a dyno's slug: a URL on the control plane's API plus the SHA-256, so a
 * backend in another process needs no access to the server's files. Fetched here as a backend
 * would, the URL serves exactly the uploaded bytes; without its token it serves nothing.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { MemoryRuntime, type DynoSpec, type RuntimeHooks } from '@cove/platform';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

class RecordingRuntime extends MemoryRuntime {
  readonly started: DynoSpec[] = [];

  constructor(hooks: RuntimeHooks) {
    super({ hooks });
  }

  override async startDyno(spec: DynoSpec): Promise<void> {
    this.started.push(spec);
    await super.startDyno(spec);
  }
}

describe('dyno slugs reach backends as a URL plus SHA-256', () => {
  let p: BootedPlatform;
  let runtime: RecordingRuntime | undefined;

  before(async () => {
    p = await bootPlatform({
      runtime: (hooks) => {
        runtime = new RecordingRuntime(hooks);
        return runtime;
      },
    });
    await p.createSpace();
    assert.equal((await p.request('POST', '/teams/apps', { body: { name: 'blobs', space: 'prod' } })).status, 201);
  });
  after(() => p?.close());

  test('the spec names the slug, a loopback URL serving its tarball, and the digest of those bytes', async () => {
    const { slugId } = await p.deploySlug('blobs', { web: 'node server.js' });
    assert.equal((await p.request('PATCH', '/apps/blobs/formation/web', { body: { quantity: 1 } })).status, 200);
    const spec = await p.waitFor('web dyno started', async () => runtime?.started.find((s) => s.appName === 'blobs' && s.type === 'web'));
    assert.deepEqual(Object.keys(spec.slug).sort(), ['id', 'sha256', 'url']);
    assert.equal(spec.slug.id, slugId);
    const url = new URL(spec.slug.url);
    assert.equal(url.hostname, '127.0.0.1');
    assert.equal(url.pathname, `/slugs/${slugId}/blob`);

    const response = await fetch(spec.slug.url);
    assert.equal(response.status, 200);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(createHash('sha256').update(bytes).digest('hex'), spec.slug.sha256);
    const slug = await p.request('GET', `/apps/blobs/slugs/${slugId}`);
    assert.equal(slug.body.checksum, `SHA256:${spec.slug.sha256}`);

    url.searchParams.set('token', 'nope');
    assert.equal((await fetch(url)).status, 401);
  });
});
