/**
 * A space network that does not converge (in-memory runtime failing applySpace): the space stays
 * `allocating` with its last error recorded, the reconciler backs off instead of retrying every
 * pass, and the space is allocated, its error cleared, once the runtime recovers.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemoryRuntime, type RuntimeHooks, type SpaceSpec, type SpaceStatus } from '@cove/platform';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

class FlakyNetworkRuntime extends MemoryRuntime {
  failing = true;
  applies = 0;

  constructor(hooks: RuntimeHooks) {
    super({ hooks });
  }

  override async applySpace(spec: SpaceSpec): Promise<SpaceStatus> {
    this.applies++;
    if (this.failing) throw new Error('Cannot create bridge: device busy');
    return super.applySpace(spec);
  }
}

let p: BootedPlatform;
let runtime: FlakyNetworkRuntime;
before(async () => {
  p = await bootPlatform({
    runtime: (hooks) => {
      runtime = new FlakyNetworkRuntime(hooks);
      return runtime;
    },
  });
});
after(() => p.close());

test('a failing space network backs off with its last error recorded, and is allocated once the runtime recovers', async () => {
  await p.request('POST', '/teams', { body: { name: 'acme' } });
  assert.equal((await p.request('POST', '/spaces', { body: { name: 'prod', team: 'acme' } })).status, 201);
  await p.waitFor('the last error', async () => p.platform.store.spaces.byNameOrId('prod')?.lastError === 'Cannot create bridge: device busy');
  const applies = runtime.applies;
  const passes = p.platform.reconciler.passes;
  const since = Date.now();
  await p.waitFor('ten more passes', async () => p.platform.reconciler.passes >= passes + 10);
  const elapsed = Date.now() - since;
  assert.ok(runtime.applies - applies <= 1 + Math.floor(Math.log2(elapsed / 1000 + 1)), `${runtime.applies - applies} applies in ${elapsed} ms`);
  assert.equal((await p.request('GET', '/spaces/prod')).body.state, 'allocating');
  runtime.failing = false;
  await p.waitFor('allocated', async () => (await p.request('GET', '/spaces/prod')).body.state === 'allocated', 10_000);
  assert.equal(p.platform.store.spaces.byNameOrId('prod')?.lastError, null);
});
