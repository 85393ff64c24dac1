/**
 * The reconciler acts on the runtime's verdict when a dyno cannot start (in-memory runtime):
 * a retryable error backs off instead of retrying every pass, a permanent one shows the dyno
 * crashed with a heroku[web.1] line in the app's log, and neither is retried at full speed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemoryRuntime, type DynoSpec, type RuntimeHooks } from '@cove/platform';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

type StartFailure = Parameters<MemoryRuntime['failStarts']>[0];

/** Counts startDyno() attempts per app. */
class CountingRuntime extends MemoryRuntime {
  readonly attempts = new Map<string, number>();

  constructor(hooks: RuntimeHooks) {
    super({ hooks });
  }

  override async startDyno(spec: DynoSpec): Promise<void> {
    this.attempts.set(spec.appName, (this.attempts.get(spec.appName) ?? 0) + 1);
    await super.startDyno(spec);
  }
}

let p: BootedPlatform;
let runtime: CountingRuntime;
before(async () => {
  p = await bootPlatform({
    runtime: (hooks) => {
      runtime = new CountingRuntime(hooks);
      return runtime;
    },
  });
});
after(() => p.close());

async function webDyno(app: string): Promise<{ name: string; state: string } | undefined> {
  const dynos = (await p.request('GET', `/apps/${app}/dynos`)).body as { name: string; state: string }[];
  return dynos.find((d) => d.name === 'web.1');
}

test('a retryable start failure backs off (not every pass), and the dyno comes up once the runtime recovers', async () => {
  runtime.failStarts({ code: 'EXEC_FAILED', message: 'ip link failed', retryable: true } satisfies StartFailure);
  assert.equal((await p.request('POST', '/apps', { body: { name: 'flaky' } })).status, 201);
  await p.deploySlug('flaky', { web: 'node server.js' });
  await p.waitFor('a first attempt', async () => (runtime.attempts.get('flaky') ?? 0) >= 1);
  const passes = p.platform.reconciler.passes;
  const since = Date.now();
  await p.waitFor('ten more passes', async () => p.platform.reconciler.passes >= passes + 10);
  // Every pass would have tried again; with back-off (1 s, 2 s, 4 s, …) only a few attempts fit.
  const elapsed = Date.now() - since;
  const allowed = 1 + Math.floor(Math.log2(elapsed / 1000 + 1)) + 1;
  assert.ok((runtime.attempts.get('flaky') ?? 0) <= allowed, `attempts: ${runtime.attempts.get('flaky')} in ${elapsed} ms`);
  assert.equal(await webDyno('flaky'), undefined, 'a retryable failure does not mark the dyno crashed');
  runtime.failStarts(undefined);
  assert.equal((await p.waitFor('web.1 up after recovery', async () => ((await webDyno('flaky'))?.state === 'up' ? 'up' : undefined), 10_000)), 'up');
});

test('a permanent start failure shows the dyno crashed, writes heroku[web.1] lines to the app log, and is not retried', async () => {
  runtime.failStarts({ code: 'SLUG_INVALID', message: 'the slug could not be unpacked', retryable: false } satisfies StartFailure);
  const created = await p.request('POST', '/apps', { body: { name: 'broken' } });
  assert.equal(created.status, 201);
  await p.deploySlug('broken', { web: 'node server.js' });
  assert.equal(await p.waitFor('web.1 crashed', async () => ((await webDyno('broken'))?.state === 'crashed' ? 'crashed' : undefined)), 'crashed');
  const lines = p.platform.store.recentLogs(created.body.id as string, 100).filter((l) => l.source === 'heroku' && l.dyno === 'web.1');
  assert.ok(lines.some((l) => l.message === 'Error starting process: the slug could not be unpacked'), JSON.stringify(lines));
  assert.ok(lines.some((l) => l.message === 'State changed from starting to crashed'));
  const attempts = runtime.attempts.get('broken');
  const passes = p.platform.reconciler.passes;
  await p.waitFor('three more passes', async () => p.platform.reconciler.passes >= passes + 3);
  assert.equal(runtime.attempts.get('broken'), attempts, 'not retried');
  // A change of what the dyno asks for (a restart gives it a new identity) is tried again.
  runtime.failStarts(undefined);
  assert.equal((await p.request('DELETE', '/apps/broken/dynos')).status, 202);
  assert.equal(await p.waitFor('web.1 up after a restart', async () => ((await webDyno('broken'))?.state === 'up' ? 'up' : undefined)), 'up');
});
