/**
 * Dynos outlive the server: after close() or a SIGKILL of the process running the runtime, a
 * new LinuxRuntime on the same data directory adopts them (state, output, supervision), and
 * cleanup() leaves no Cove object in the kernel.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { enterSandbox } from '../support/sandbox.js';
import type * as Platform from '@cove/platform';
import type { TestSlug } from '../support/slug-server.js';
import type * as Lab from './lab.js';

const inSandbox = enterSandbox(import.meta.url);

describe('LinuxRuntime restart safety', { skip: inSandbox ? false : 'needs root' }, () => {
  let lab: typeof Lab;
  let LinuxRuntime: typeof Platform.LinuxRuntime;
  let internet: { stop(): void };
  let slug: TestSlug;
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    lab = await import('./lab.js');
    ({ LinuxRuntime } = await import('@cove/platform'));
    internet = await lab.makeInternet();
    slug = await lab.makeServedSlug();
  });

  after(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    internet?.stop();
  });

  /** What of Cove is left in the kernel, read back. */
  async function leftovers(cgroupParent: string): Promise<string[]> {
    const found: string[] = [];
    for (const ns of (await lab.sh('ip', ['netns', 'list'])).split('\n')) if (/^cv[sd]-/.test(ns)) found.push(`netns ${ns}`);
    const links = JSON.parse(await lab.sh('ip', ['-j', 'link', 'show'])) as { ifname: string }[];
    for (const l of links) if (l.ifname.startsWith('cv')) found.push(`link ${l.ifname}`);
    const tables = JSON.parse(await lab.sh('nft', ['-j', 'list', 'tables'])) as { nftables: { table?: { name: string } }[] };
    for (const t of tables.nftables) if (t.table?.name === 'cove') found.push('nft table cove');
    for (const c of ['memory', 'pids', 'cpu', 'unified']) {
      if (existsSync(`/sys/fs/cgroup/${c}/${cgroupParent}`)) found.push(`cgroup ${c}/${cgroupParent}`);
    }
    if (existsSync(`/sys/fs/cgroup/${cgroupParent}`)) found.push(`cgroup ${cgroupParent}`);
    return found;
  }

  test('close() leaves dynos running; a new runtime adopts them, supervises them and cleanup() removes everything', async () => {
    const options = await lab.runtimeOptions('adopt');
    cleanups.push(() => rm(options.dataDir, { recursive: true, force: true }));
    const first = new LinuxRuntime(options);
    cleanups.push(() => new LinuxRuntime(options).cleanup());
    await first.start();
    const space = lab.spaceSpec();
    const status = await first.applySpace(space);
    const spaceShortId = lab.spaceShortId(first, space.id);
    const web = lab.dynoSpec(space, slug, { appName: 'adopt' });
    const worker = lab.dynoSpec(space, slug, { appName: 'adopt', type: 'worker', zone: 'b' });
    await first.startDyno(web);
    await first.startDyno(worker);
    const before = await lab.waitFor('dynos up', async () => {
      const list = await first.listDynos();
      return list.filter((d) => d.state === 'up').length === 2 ? list : undefined;
    });
    const webIp = before.find((d) => d.id === web.id)?.privateIp ?? '';
    await first.close();

    assert.equal((await lab.callDyno(spaceShortId, webIp)).dyno, 'web.1', 'the dyno still answers with no runtime');

    const logs: string[] = [];
    const second = new LinuxRuntime({ ...options, hooks: { log: (l) => logs.push(`${l.source}[${l.dyno}]: ${l.message}`) } });
    await second.start();
    const adopted = await second.listDynos();
    assert.deepEqual(
      adopted.map((d) => [d.id, d.state, d.privateIp]).sort(),
      before.map((d) => [d.id, 'up', d.privateIp]).sort(),
    );
    assert.deepEqual((await second.listSpaces()).map((s) => [s.id, s.ready, s.outboundIps]), [[space.id, true, status.outboundIps]]);
    assert.equal((await lab.callDyno(spaceShortId, webIp)).dyno, 'web.1');
    // Still supervised: a crash is seen and the dyno restarted, its output followed.
    await lab.inDyno(spaceShortId, webIp, 'kill -KILL $PPID');
    await lab.waitFor('crash seen', async () => logs.includes('heroku[web.1]: State changed from up to crashed'));
    await lab.waitFor('up again', async () => (await second.listDynos()).find((d) => d.id === web.id && d.state === 'up'));
    assert.ok(logs.includes('heroku[web.1]: Process exited with status 137'), logs.join('\n'));
    await lab.waitFor('output followed', async () => logs.includes('app[web.1]: booted web.1'));
    assert.equal((await lab.callDyno(spaceShortId, webIp)).dyno, 'web.1');

    await second.cleanup();
    assert.deepEqual(await leftovers(options.cgroupParent), []);
    assert.equal(existsSync(`${options.dataDir}/runtime`), false);
  });

  test('after an upgrade, space state files in the format before (shortId and index in the spec) are adopted as they are in the kernel', async () => {
    const options = await lab.runtimeOptions('upgrade');
    cleanups.push(() => rm(options.dataDir, { recursive: true, force: true }));
    cleanups.push(() => new LinuxRuntime(options).cleanup());
    const first = new LinuxRuntime(options);
    await first.start();
    const space = lab.spaceSpec();
    const status = await first.applySpace(space);
    const web = lab.dynoSpec(space, slug, { appName: 'upgrade' });
    await first.startDyno(web);
    const [dyno] = await lab.waitFor('dyno up', async () => {
      const list = await first.listDynos();
      return list.some((d) => d.state === 'up') ? list : undefined;
    });
    const shortId = lab.spaceShortId(first, space.id);
    const network = first.spaceNetwork(space.id);
    await first.close();
    // What a server before this version wrote: the control plane's shortId and index in the spec.
    const file = `${options.dataDir}/runtime/spaces/${shortId}.json`;
    const saved = JSON.parse(await readFile(file, 'utf8')) as { spec: object; shortId: string; transitIndex: number; outboundIps: string[]; isDefault: boolean };
    await writeFile(file, JSON.stringify({ spec: { ...saved.spec, shortId: saved.shortId, index: saved.transitIndex }, outboundIps: saved.outboundIps, isDefault: saved.isDefault }));

    const second = new LinuxRuntime(options);
    await second.start();
    assert.deepEqual(second.spaceNetwork(space.id), network);
    assert.deepEqual(await second.applySpace({ ...space, outboundIps: status.outboundIps }), status);
    assert.deepEqual((await second.listDynos()).map((d) => [d.id, d.state, d.privateIp]), [[web.id, 'up', dyno?.privateIp]]);
    assert.equal((await lab.callDyno(shortId, dyno?.privateIp ?? '')).dyno, 'web.1');
    await second.cleanup();
  });

  test('dynos survive a SIGKILL of the server process and are adopted by the next one', async () => {
    const options = await lab.runtimeOptions('sigkill');
    cleanups.push(() => rm(options.dataDir, { recursive: true, force: true }));
    cleanups.push(() => new LinuxRuntime(options).cleanup());
    const space = lab.spaceSpec();
    const web1 = lab.dynoSpec(space, slug, { appName: 'killed' });
    const web2 = lab.dynoSpec(space, slug, { appName: 'killed', number: 2, zone: 'c' });
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./runtime-child.js', import.meta.url)), JSON.stringify(options), JSON.stringify(space), JSON.stringify([web1, web2])],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (String(d).includes('ready')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`runtime child exited with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const next = new LinuxRuntime(options);
    await next.start();
    const dynos = await next.listDynos();
    const spaceShortId = lab.spaceShortId(next, space.id);
    assert.deepEqual(dynos.map((d) => [d.id, d.state]).sort(), [[web1.id, 'up'], [web2.id, 'up']].sort());
    for (const d of dynos) assert.equal((await lab.callDyno(spaceShortId, d.privateIp ?? '')).dyno, d.name);
    await next.cleanup();
    assert.deepEqual(await leftovers(options.cgroupParent), []);
  });

  test('start() removes orphans: Cove-prefixed netns, links and cgroups no state file explains', async () => {
    const options = await lab.runtimeOptions('orphans');
    cleanups.push(() => rm(options.dataDir, { recursive: true, force: true }));
    await lab.sh('ip', ['netns', 'add', 'cvd-0rphan00']);
    await lab.sh('ip', ['netns', 'add', 'cvs-0rphan00']);
    await lab.sh('ip', ['link', 'add', 'cvt0rphan00', 'type', 'veth', 'peer', 'name', 'cvt0rphan01']);
    const orphanCgroups = existsSync('/sys/fs/cgroup/cgroup.controllers')
      ? [`/sys/fs/cgroup/${options.cgroupParent}/cvd0rphan0`]
      : ['memory', 'pids', 'cpu'].map((c) => `/sys/fs/cgroup/${c}/${options.cgroupParent}/cvd0rphan0`);
    for (const dir of orphanCgroups) await mkdir(dir, { recursive: true });
    const runtime = new LinuxRuntime(options);
    await runtime.start();
    assert.deepEqual(await leftovers(options.cgroupParent), ['nft table cove', ...(orphanCgroups.length === 1 ? [`cgroup ${options.cgroupParent}`] : ['memory', 'pids', 'cpu'].map((c) => `cgroup ${c}/${options.cgroupParent}`))]);
    for (const dir of orphanCgroups) assert.equal(existsSync(dir), false, `${dir} removed`);
    await runtime.cleanup();
    assert.deepEqual(await leftovers(options.cgroupParent), []);
  });
});
