/**
 * Dyno supervision: boot timeout (R10), restarts with back-off, restart "never", a graceful
 * stop's log lines, and apps outside any space on the shared default network.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { enterSandbox } from '../support/sandbox.js';
import type * as Platform from '@cove/platform';
import type { TestSlug } from '../support/slug-server.js';
import type * as Lab from './lab.js';

const inSandbox = enterSandbox(import.meta.url);

describe('LinuxRuntime supervision', { skip: inSandbox ? false : 'needs root' }, () => {
  let lab: typeof Lab;
  let runtime: Platform.LinuxRuntime;
  let options: Awaited<ReturnType<typeof Lab.runtimeOptions>>;
  let space: Platform.SpaceSpec;
  let slug: TestSlug;
  const logs: string[] = [];
  const linesOf = (app: string) => logs.filter((l) => l.startsWith(`${app} `)).map((l) => l.slice(app.length + 1));

  let env: Lab.SpaceLab | undefined;

  before(async () => {
    lab = await import('./lab.js');
    env = await lab.spaceLab('supervision', { log: (l) => logs.push(`${l.appId} ${l.source}[${l.dyno}]: ${l.message}`) });
    ({ runtime, options, space, slug } = env);
  });

  after(async () => {
    await env?.close();
  });

  test('a web dyno that never binds $PORT gets R10 and is killed', async () => {
    const spec = lab.dynoSpec(space, slug, { appName: 'r10', command: 'sleep 1000', bootTimeoutSeconds: 1, restart: 'never' });
    await runtime.startDyno(spec);
    await lab.waitFor('crashed', async () => (await runtime.listDynos()).find((d) => d.id === spec.id && d.state === 'crashed'));
    assert.deepEqual(linesOf('app-r10'), [
      'heroku[web.1]: Starting process with command `sleep 1000`',
      'heroku[web.1]: Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 1 seconds of launch',
      'heroku[web.1]: Stopping process with SIGKILL',
      'heroku[web.1]: Process exited with status 137',
      'heroku[web.1]: State changed from starting to crashed',
    ]);
    await runtime.stopDyno(spec.id, { graceSeconds: 1 });
  });

  test('a crashing dyno is restarted at once, then with back-off; its output is logged', async () => {
    const spec = lab.dynoSpec(space, slug, { appName: 'crash', type: 'worker', command: 'echo "about to fail"; exit 3' });
    const started = Date.now();
    await runtime.startDyno(spec);
    await lab.waitFor('three runs', async () => linesOf('app-crash').filter((l) => l.includes('Starting process')).length >= 3);
    const lines = linesOf('app-crash');
    assert.deepEqual(lines.slice(0, 7), [
      'heroku[worker.1]: Starting process with command `echo "about to fail"; exit 3`',
      'heroku[worker.1]: State changed from starting to up',
      'app[worker.1]: about to fail',
      'heroku[worker.1]: Process exited with status 3',
      'heroku[worker.1]: State changed from up to crashed',
      'heroku[worker.1]: State changed from crashed to starting',
      'heroku[worker.1]: Starting process with command `echo "about to fail"; exit 3`',
    ]);
    // Third run only after the 1 s back-off.
    assert.ok(Date.now() - started >= 1000);
    await runtime.stopDyno(spec.id, { graceSeconds: 1 });
  });

  test('stopDyno() sends SIGTERM, the dyno exits and goes down', async () => {
    const spec = lab.dynoSpec(space, slug, { appName: 'stop' });
    await runtime.startDyno(spec);
    await lab.waitFor('up', async () => (await runtime.listDynos()).find((d) => d.id === spec.id && d.state === 'up'));
    const t0 = Date.now();
    await runtime.stopDyno(spec.id, { graceSeconds: 10 });
    assert.ok(Date.now() - t0 < 5000, 'the dyno exited on SIGTERM, without waiting for the grace period');
    assert.deepEqual(linesOf('app-stop').filter((l) => l.startsWith('heroku')).slice(-3), [
      'heroku[web.1]: Stopping all processes with SIGTERM',
      'heroku[web.1]: Process exited with status 143',
      'heroku[web.1]: State changed from up to down',
    ]);
    assert.equal((await runtime.listDynos()).some((d) => d.id === spec.id), false);
  });

  test('apps outside any space run on the default network: egress from the first outbound IP, dynos isolated', async () => {
    const one = lab.dynoSpec(null, slug, { appName: 'common1' });
    const two = lab.dynoSpec(null, slug, { appName: 'common2' });
    await runtime.startDyno(one);
    await runtime.startDyno(two);
    const dynos = await lab.waitFor('up', async () => {
      const list = (await runtime.listDynos()).filter((d) => d.spaceId === null && d.state === 'up');
      return list.length === 2 ? list : undefined;
    });
    assert.ok(dynos.every((d) => d.privateIp?.startsWith('10.255.128.')));
    const ns = lab.dynoNetns(one.id);
    assert.equal(await lab.probe(ns, 'tcp', lab.INTERNET_HOST, lab.WHOAMI_PORT), `ok ${JSON.stringify(lab.OUTBOUND_IPS[0])}`);
    const ipTwo = dynos.find((d) => d.id === two.id)?.privateIp ?? '';
    assert.match(await lab.probe(ns, 'tcp', ipTwo, 7001, 800), /^fail/);
    assert.match(await lab.probe(ns, 'tcp', lab.HOST_PUBLIC_IP, 22, 800), /^fail/);
    assert.deepEqual((await runtime.listSpaces()).map((s) => s.id), [space.id]);
    await runtime.stopDyno(one.id, { graceSeconds: 1 });
    await runtime.stopDyno(two.id, { graceSeconds: 1 });
  });
});
