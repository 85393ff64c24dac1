/**
 * The behaviour every Runtime backend owes the reconciler (design §1: "a contract test suite
 * runs against every backend"). Each backend's test file calls runtimeContract() with a
 * factory; the in-memory runtime and the linux one run the same assertions.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Runtime } from '@cove/platform';
import { dynoSpec, spaceSpec } from '../support/runtime-specs.js';
import { serveSlug, type TestSlug } from '../support/slug-server.js';
import { runCapabilitySuites } from './capability-suite.js';
import { CAPABILITY_SUITES } from './capability-suites.js';

const run = promisify(execFile);

export interface ContractSubject {
  runtime: Runtime;
  dispose(): Promise<void>;
}

/** A slug whose web process answers HTTP on $PORT with its dyno name, served on loopback. */
export async function makeWebSlug(): Promise<TestSlug> {
  const dir = await mkdtemp(join(tmpdir(), 'cove-contract-slug-'));
  await mkdir(join(dir, 'app'));
  await writeFile(
    join(dir, 'app', 'server.js'),
    "require('http').createServer((q, s) => s.end(process.env.DYNO + ' ' + (process.env.HEROKU_PRIVATE_IP || ''))).listen(process.env.PORT);\n",
  );
  await run('tar', ['-czf', join(dir, 'slug.tgz'), '-C', dir, './app']);
  return serveSlug(join(dir, 'slug.tgz'));
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function runtimeContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`Runtime contract: ${name}`, () => {
    test('applySpace() is idempotent, reports ready, three zones and stable outbound IPs', async () => {
      const { runtime, dispose } = await make();
      try {
        const spec = spaceSpec();
        const first = await runtime.applySpace(spec);
        assert.equal(first.ready, true);
        assert.ok(first.outboundIps.length >= 1);
        assert.deepEqual(first.zones.map((z) => z.name), ['a', 'b', 'c']);
        const again = await runtime.applySpace({ ...spec, outboundIps: first.outboundIps });
        assert.deepEqual(again.outboundIps, first.outboundIps);
        assert.equal((await runtime.listSpaces()).filter((s) => s.id === first.id).length, 1);
      } finally {
        await dispose();
      }
    });

    test('two spaces with the same CIDR coexist; removeSpace() is idempotent', async () => {
      const { runtime, dispose } = await make();
      try {
        const a = await runtime.applySpace(spaceSpec());
        const b = await runtime.applySpace(spaceSpec());
        assert.equal(a.ready && b.ready, true);
        assert.equal(a.dnsAddress, b.dnsAddress);
        await runtime.removeSpace(b.id);
        await runtime.removeSpace(b.id);
        assert.deepEqual((await runtime.listSpaces()).map((s) => s.id), [a.id]);
      } finally {
        await dispose();
      }
    });

    test('a zone marked unhealthy is reported unhealthy, and healthy again after recovery', async () => {
      const { runtime, dispose } = await make();
      try {
        const spec = spaceSpec();
        const failed = await runtime.applySpace({ ...spec, zones: [{ name: 'a', healthy: true }, { name: 'b', healthy: false }, { name: 'c', healthy: true }] });
        assert.deepEqual(failed.zones.map((z) => [z.name, z.healthy]), [['a', true], ['b', false], ['c', true]]);
        const recovered = await runtime.applySpace(spec);
        assert.ok(recovered.zones.every((z) => z.healthy));
      } finally {
        await dispose();
      }
    });

    test('startDyno() brings a web dyno up with a private IP in its zone; it is idempotent; stopDyno() removes it', async () => {
      const { runtime, dispose } = await make();
      try {
        const space = spaceSpec();
        await runtime.applySpace(space);
        const spec = dynoSpec(space, await makeWebSlug(), { zone: 'b', command: `${process.execPath} server.js` });
        await runtime.startDyno(spec);
        await runtime.startDyno(spec);
        const up = await waitFor('dyno up', async () => (await runtime.listDynos()).find((d) => d.id === spec.id && d.state === 'up'));
        assert.equal((await runtime.listDynos()).filter((d) => d.id === spec.id).length, 1);
        assert.equal(up.name, 'web.1');
        assert.equal(up.zone, 'b');
        assert.equal(up.spaceId, space.id);
        assert.match(up.privateIp ?? '', /^10\.0\.(14[4-9]|15\d)\.\d+$/);
        await runtime.stopDyno(spec.id, { graceSeconds: 2 });
        await runtime.stopDyno(spec.id, { graceSeconds: 2 });
        assert.equal((await runtime.listDynos()).some((d) => d.id === spec.id), false);
      } finally {
        await dispose();
      }
    });

    test('a restart:never dyno runs once and reports how it ended: exit 0 is down, anything else crashed, with exitCode', async () => {
      const { runtime, dispose } = await make();
      try {
        const space = spaceSpec();
        await runtime.applySpace(space);
        const slug = await makeWebSlug();
        const ok = dynoSpec(space, slug, { type: 'release', number: 7, restart: 'never', command: 'exit 0' });
        const bad = dynoSpec(space, slug, { type: 'release', number: 8, restart: 'never', command: 'exit 3' });
        await runtime.startDyno(ok);
        await runtime.startDyno(bad);
        const ended = await waitFor('both exited', async () => {
          const dynos = (await runtime.listDynos()).filter((d) => d.id === ok.id || d.id === bad.id);
          return dynos.length === 2 && dynos.every((d) => d.exitCode !== null && d.exitCode !== undefined) ? dynos : undefined;
        });
        const byId = new Map(ended.map((d) => [d.id, d]));
        assert.deepEqual([byId.get(ok.id)?.state, byId.get(ok.id)?.exitCode], ['down', 0]);
        assert.deepEqual([byId.get(bad.id)?.state, byId.get(bad.id)?.exitCode], ['crashed', 3]);
        await runtime.stopDyno(ok.id, { graceSeconds: 1 });
        await runtime.stopDyno(bad.id, { graceSeconds: 1 });
        assert.equal((await runtime.listDynos()).length, 0);
      } finally {
        await dispose();
      }
    });

    runCapabilitySuites(name, make, CAPABILITY_SUITES);
  });
}
