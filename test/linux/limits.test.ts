/**
 * Dyno limits enforced by cgroups: memory over the hard limit is OOM-killed, reported as R15 and
 * restarted; a fork bomb stops at the pids limit while the dyno next to it keeps working.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { enterSandbox } from '../support/sandbox.js';
import type * as Platform from '@cove/platform';
import type { TestSlug } from '../support/slug-server.js';
import type * as Lab from './lab.js';

const inSandbox = enterSandbox(import.meta.url);

describe('LinuxRuntime limits', { skip: inSandbox ? false : 'needs root' }, () => {
  let lab: typeof Lab;
  let runtime: Platform.LinuxRuntime;
  let options: Awaited<ReturnType<typeof Lab.runtimeOptions>>;
  let space: Platform.SpaceSpec;
  let slug: TestSlug;
  const logs: string[] = [];

  let env: Lab.SpaceLab | undefined;

  before(async () => {
    lab = await import('./lab.js');
    env = await lab.spaceLab('limits', { log: (l) => logs.push(`${l.source}[${l.dyno}]: ${l.message}`) });
    ({ runtime, options, space, slug } = env);
  });

  after(async () => {
    await env?.close();
  });

  function cgroupFile(controller: string, dynoId: string, file: string): string {
    const name = `cvd${createHash('sha256').update(dynoId).digest('hex').slice(0, 8)}`;
    return existsSync('/sys/fs/cgroup/cgroup.controllers')
      ? `/sys/fs/cgroup/${options.cgroupParent}/${name}/${file}`
      : `/sys/fs/cgroup/${controller}/${options.cgroupParent}/${name}/${file}`;
  }

  test('a dyno over its memory limit is killed, reported as R15 and restarted', async () => {
    const hog = lab.dynoSpec(space, slug, {
      appName: 'hog',
      type: 'worker',
      limits: { memoryMb: 64, pids: 128, cpuPercent: 100 },
      command: `node -e "const a = []; setInterval(() => a.push(Buffer.alloc(2 << 20, 1)), 100)"`,
    });
    await runtime.startDyno(hog);
    await lab.waitFor('R15', async () => logs.includes('heroku[worker.1]: Error R15 (Memory quota vastly exceeded)'), 30_000);
    const limit = Number((await readFile(cgroupFile('memory', hog.id, existsSync('/sys/fs/cgroup/cgroup.controllers') ? 'memory.max' : 'memory.limit_in_bytes'), 'utf8')).trim());
    assert.equal(limit, 2 * 64 * 1024 * 1024, 'the hard limit is twice the quota');
    await lab.waitFor('restarted', async () => logs.filter((l) => l === 'heroku[worker.1]: Starting process with command `' + hog.command + '`').length >= 2, 30_000);
    const mine = logs.filter((l) => l.startsWith('heroku[worker.1]'));
    const r15 = mine.indexOf('heroku[worker.1]: Error R15 (Memory quota vastly exceeded)');
    assert.deepEqual(mine.slice(r15, r15 + 4), [
      'heroku[worker.1]: Error R15 (Memory quota vastly exceeded)',
      'heroku[worker.1]: Stopping process with SIGKILL',
      'heroku[worker.1]: Process exited with status 137',
      'heroku[worker.1]: State changed from up to crashed',
    ]);
    assert.ok(mine.includes('heroku[worker.1]: Error R14 (Memory quota exceeded)'), 'R14 was logged on the way up');
    await runtime.stopDyno(hog.id, { graceSeconds: 1 });
  });

  test('a fork bomb is stopped by the pids limit without harming another dyno', async () => {
    const neighbour = lab.dynoSpec(space, slug, { appName: 'neighbour' });
    const bomb = lab.dynoSpec(space, slug, {
      appName: 'bomb',
      type: 'worker',
      limits: { memoryMb: 256, pids: 64, cpuPercent: 50 },
      command: 'bomb() { bomb | bomb & }; bomb; sleep 1000',
    });
    await runtime.startDyno(neighbour);
    await runtime.startDyno(bomb);
    const ip = (await lab.waitFor('neighbour up', async () => (await runtime.listDynos()).find((d) => d.id === neighbour.id && d.state === 'up'))).privateIp ?? '';
    const events = cgroupFile('pids', bomb.id, 'pids.events');
    await lab.waitFor('pids limit hit', async () => /max [1-9]/.test(await readFile(events, 'utf8').catch(() => '')), 20_000);
    const current = Number((await readFile(cgroupFile('pids', bomb.id, 'pids.current'), 'utf8')).trim());
    assert.ok(current <= 64, `pids.current ${current} ≤ 64`);
    // The neighbour still answers and can start processes.
    const r = await lab.inDyno(lab.spaceShortId(runtime, space.id), ip, 'for i in 1 2 3 4 5; do sh -c "echo $i"; done | wc -l');
    assert.equal(r.stdout.trim(), '5');
    await runtime.stopDyno(bomb.id, { graceSeconds: 1 });
    assert.equal(existsSync(events), false, 'the bomb\'s cgroup is gone');
    await runtime.stopDyno(neighbour.id, { graceSeconds: 1 });
  });
});
