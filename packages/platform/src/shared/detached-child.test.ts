import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DetachedChild, runningChildPid, stopLeftoverChild, type ChildHello } from './detached-child.js';
import { isRunning, processIdentity } from './supervised-process.js';

const CONTROL_CHANNEL = fileURLToPath(new URL('./control-channel.js', import.meta.url));

/** A child speaking `protocol`: answers hello, counts `configure` requests, exits on SIGTERM. */
async function childScript(dir: string, protocol: number): Promise<string> {
  const file = join(dir, `child-v${protocol}.mjs`);
  await writeFile(
    file,
    `import { join } from 'node:path';
import { listenControl } from ${JSON.stringify(CONTROL_CHANNEL)};
const dir = process.argv[process.argv.indexOf('--dir') + 1];
let configured = 0;
await listenControl(join(dir, 'control.sock'), {
  request: (r) => (r.type === 'hello' ? { protocol: ${protocol}, pid: process.pid, configured } : r.type === 'configure' ? { configured: ++configured } : null),
});
process.on('SIGTERM', () => process.exit(0));
`,
  );
  return file;
}

interface Hello extends ChildHello {
  readonly configured: number;
}

function owner(dir: string, entry: string, protocol: number, adopted: Hello[]): DetachedChild<Hello> {
  const child: DetachedChild<Hello> = new DetachedChild<Hello>({
    name: 'test',
    title: 'the test child',
    dir: join(dir, 'child'),
    entry,
    protocol,
    configure: async () => void (await child.request({ type: 'configure' })),
    adopted: (hello) => void adopted.push(hello),
    stopGraceMs: 2000,
  });
  return child;
}

test('DetachedChild: a child left running is adopted (not configured again); one of another protocol is replaced; stopLeftoverChild() stops one nobody owns', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cove-detached-'));
  try {
    const v1 = await childScript(dir, 1);
    const v2 = await childScript(dir, 2);
    const adopted: Hello[] = [];

    const first = owner(dir, v1, 1, adopted);
    assert.equal(await first.start(), null, 'started, not adopted');
    const pid = first.pid;
    assert.ok(pid !== undefined);
    await first.close({ keepRunning: true });
    assert.equal(await runningChildPid(join(dir, 'child'), 'test'), pid, 'left running');

    const second = owner(dir, v1, 1, adopted);
    const hello = await second.start();
    assert.equal(hello?.pid, pid);
    assert.equal(hello?.configured, 1, 'configured once, by the owner that started it');
    assert.deepEqual(adopted.map((h) => h.pid), [pid]);
    await second.close({ keepRunning: true });

    const identity = processIdentity(pid);
    assert.ok(identity !== null);
    const third = owner(dir, v2, 2, adopted);
    assert.equal(await third.start(), null, 'a child of another protocol is not adopted');
    assert.notEqual(third.pid, pid);
    assert.equal(isRunning(identity), false, 'the old child was stopped');
    assert.deepEqual(await third.request<{ configured: number }>({ type: 'configure' }), { configured: 2 }, 'the new one was configured');
    const newPid = third.pid;
    await third.close({ keepRunning: true });

    assert.equal(await stopLeftoverChild(join(dir, 'child'), 'test', 2000), true);
    assert.equal(await runningChildPid(join(dir, 'child'), 'test'), null);
    assert.ok(newPid !== undefined);
    await assert.rejects(third.request({ type: 'hello' }), /not running/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
