/**
 * Attached one-off dynos on the linux runtime: the stream `heroku run` drives, through the same
 * sandbox as every dyno (own netns, unprivileged uid, pid namespace), with and without a tty:
 * output, stdin and its end, the exit status, a terminal resize seen by the command (SIGWINCH),
 * and Ctrl-C interrupting only the foreground command.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { enterSandbox } from '../support/sandbox.js';
import type * as Platform from '@cove/platform';
import type { TestSlug } from '../support/slug-server.js';
import type * as Lab from './lab.js';

const inSandbox = enterSandbox(import.meta.url);

describe('LinuxRuntime attached dynos', { skip: inSandbox ? false : 'needs root' }, () => {
  let lab: typeof Lab;
  let runtime: Platform.LinuxRuntime;
  let options: Awaited<ReturnType<typeof Lab.runtimeOptions>>;
  let space: Platform.SpaceSpec;
  let slug: TestSlug;

  let env: Lab.SpaceLab | undefined;

  before(async () => {
    lab = await import('./lab.js');
    env = await lab.spaceLab('attached');
    ({ runtime, options, space, slug } = env);
  });

  after(async () => {
    await env?.close();
  });

  /** Starts a one-off `run.1` with `command` and returns its stream and a reader of its output so far. */
  const attach = async (command: string, tty: boolean, size: { columns: number; lines: number } | null = null) => {
    const spec = lab.dynoSpec(space, slug, {
      appName: 'oneoff',
      type: 'run',
      command,
      restart: 'never',
      listens: false,
      attach: { tty, columns: size?.columns ?? null, lines: size?.lines ?? null },
    });
    await runtime.startDyno(spec);
    const attachment = await runtime.attachDyno(spec.id);
    assert.ok(attachment);
    assert.equal(await runtime.attachDyno(spec.id), null, 'a stream is taken once');
    let output = '';
    attachment.output.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    return { spec, attachment, output: () => output };
  };

  test('without a tty: output, stdin to its end and the exit status, as the dyno user in its own network', async () => {
    const { spec, attachment, output } = await attach('echo "uid=$(id -u) dyno=$DYNO ip=$HEROKU_PRIVATE_IP"; read line; echo "got $line"; cat; exit 3', false);
    attachment.write(Buffer.from('first\nsecond\n'));
    attachment.endInput();
    assert.equal(await attachment.exited, 3);
    const ip = (await runtime.listDynos()).find((d) => d.id === spec.id)?.privateIp;
    assert.match(output(), new RegExp(`^uid=64600 dyno=run\\.1 ip=${ip}\\ngot first\\nsecond\\n$`));
    await lab.waitFor('crashed', async () => (await runtime.listDynos()).find((d) => d.id === spec.id && d.state === 'crashed'));
    await runtime.stopDyno(spec.id, { graceSeconds: 0 });
  });

  test('with a tty: the command sees a terminal of the given size, a resize, and the terminal EOF', async () => {
    const script = [
      'trap \'echo "winch $(stty size)"; w=1\' WINCH',
      'echo "tty=$([ -t 0 ] && echo yes) size=$(stty size)"',
      'echo ready',
      'w=0; while [ $w = 0 ]; do sleep 0.05; done',
      'while read -r line; do echo "line=$line"; done',
      'exit 5',
    ].join('\n');
    const { attachment, output } = await attach(script, true, { columns: 100, lines: 30 });
    await lab.waitFor('ready', async () => output().includes('ready'));
    assert.match(output(), /tty=yes size=30 100/);
    await attachment.resize(120, 40);
    await lab.waitFor('SIGWINCH', async () => output().includes('winch 40 120'), 5000).catch((e: Error) => assert.fail(e.message + JSON.stringify(output())));
    attachment.write(Buffer.from('hello\r'));
    await lab.waitFor('echoed line', async () => output().includes('line=hello'));
    attachment.endInput();
    assert.equal(await attachment.exited, 5);
  });

  test('with a tty: Ctrl-C interrupts the foreground command, not the shell', async () => {
    const { attachment, output } = await attach(
      'bash -c \'trap "echo interrupted; kill \\$!" INT; sleep 1000 & echo armed; wait; echo after-wait; read -r x; echo "x=$x"; exit 9\'',
      true,
    );
    await lab.waitFor('armed', async () => output().includes('armed'));
    attachment.write(Buffer.from([0x03]));
    await lab.waitFor('interrupted', async () => output().includes('interrupted') && output().includes('after-wait'), 5000).catch((e: Error) => assert.fail(e.message + JSON.stringify(output())));
    attachment.write(Buffer.from('bye\r'));
    assert.equal(await attachment.exited, 9);
    assert.match(output(), /x=bye/);
  });
});
