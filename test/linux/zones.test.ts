/**
 * Zone drills: applySpace() with a zone unhealthy takes that zone's bridge down (read back from
 * the kernel), its dynos become unreachable and `down`; healthy again brings it all back.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { enterSandbox } from '../support/sandbox.js';
import type * as Platform from '@cove/platform';
import type * as Lab from './lab.js';

const inSandbox = enterSandbox(import.meta.url);

describe('LinuxRuntime zones', { skip: inSandbox ? false : 'needs root' }, () => {
  let lab: typeof Lab;
  let runtime: Platform.LinuxRuntime;
  let internet: { stop(): void };
  let options: Awaited<ReturnType<typeof Lab.runtimeOptions>>;

  before(async () => {
    lab = await import('./lab.js');
    const { LinuxRuntime } = await import('@cove/platform');
    internet = await lab.makeInternet();
    options = await lab.runtimeOptions('zones');
    runtime = new LinuxRuntime(options);
    await runtime.start();
  });

  after(async () => {
    await runtime?.cleanup();
    internet?.stop();
    if (options !== undefined) await rm(options.dataDir, { recursive: true, force: true });
  });

  async function bridgeUp(spaceId: string, bridge: string): Promise<boolean> {
    const [link] = JSON.parse(await lab.sh('ip', ['-n', lab.spaceNetns(lab.spaceShortId(runtime, spaceId)), '-j', 'link', 'show', bridge])) as { flags: string[] }[];
    return link?.flags.includes('UP') ?? false;
  }

  test('an unhealthy zone is taken down and brought back up', async () => {
    const space = lab.spaceSpec();
    await runtime.applySpace(space);
    const slug = await lab.makeServedSlug();
    const inA = lab.dynoSpec(space, slug, { appName: 'za', zone: 'a' });
    const inB = lab.dynoSpec(space, slug, { appName: 'zb', zone: 'b' });
    await runtime.startDyno(inA);
    await runtime.startDyno(inB);
    const dynos = await lab.waitFor('up', async () => {
      const list = await runtime.listDynos();
      return list.filter((d) => d.state === 'up').length === 2 ? list : undefined;
    });
    const ipB = dynos.find((d) => d.id === inB.id)?.privateIp ?? '';
    const nsA = lab.dynoNetns(inA.id);
    assert.equal(await lab.probe(nsA, 'tcp', ipB, 7001), 'ok "web.1"');

    const failed = await runtime.applySpace({ ...space, zones: [{ name: 'a', healthy: true }, { name: 'b', healthy: false }, { name: 'c', healthy: true }] });
    assert.deepEqual(failed.zones.map((z) => [z.name, z.healthy]), [['a', true], ['b', false], ['c', true]]);
    assert.equal(await bridgeUp(space.id, 'brb'), false);
    assert.equal(await bridgeUp(space.id, 'bra'), true);
    assert.match(await lab.probe(nsA, 'tcp', ipB, 7001, 800), /^fail/);
    assert.match(await lab.probe(lab.dynoNetns(inB.id), 'tcp', lab.INTERNET_HOST, lab.WHOAMI_PORT, 800), /^fail/);
    assert.equal((await runtime.listDynos()).find((d) => d.id === inB.id)?.state, 'down');
    assert.equal((await runtime.listDynos()).find((d) => d.id === inA.id)?.state, 'up');

    const recovered = await runtime.applySpace(space);
    assert.ok(recovered.zones.every((z) => z.healthy));
    assert.equal(await bridgeUp(space.id, 'brb'), true);
    await lab.waitFor('reachable again', async () => (await lab.probe(nsA, 'tcp', ipB, 7001, 800)) === 'ok "web.1"');
    await lab.waitFor('up again', async () => (await runtime.listDynos()).find((d) => d.id === inB.id && d.state === 'up'));
  });
});
