/** The `attach` capability: `attachDyno()` hands out an attached one-off dyno's stream once. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dynoSpec, spaceSpec } from '../support/runtime-specs.js';
import { serveSlug, type TestSlug } from '../support/slug-server.js';
import type { CapabilitySuite } from './capability-suite.js';

const run = promisify(execFile);

/** A slug with nothing in it but the app directory: attached commands here are shell builtins. */
async function emptySlug(): Promise<TestSlug> {
  const dir = await mkdtemp(join(tmpdir(), 'cove-attach-slug-'));
  await mkdir(join(dir, 'app'));
  await run('tar', ['-czf', join(dir, 'slug.tgz'), '-C', dir, './app']);
  return serveSlug(join(dir, 'slug.tgz'));
}

export const attachContract: CapabilitySuite = {
  capability: 'attach',
  tests: [
    {
      title: 'an attached one-off dyno streams its output once, takes stdin, and reports its exit status',
      async run(runtime) {
        assert.ok(runtime.attachDyno, 'a backend claiming attach implements attachDyno()');
        const space = spaceSpec();
        await runtime.applySpace(space);
        const spec = dynoSpec(space, await emptySlug(), {
          appName: 'attach',
          type: 'run',
          command: 'read line; echo "got $line"; exit 4',
          restart: 'never',
          listens: false,
          attach: { tty: false, columns: null, lines: null },
        });
        await runtime.startDyno(spec);
        const attachment = await runtime.attachDyno(spec.id);
        assert.ok(attachment);
        assert.equal(await runtime.attachDyno(spec.id), null, 'the stream is taken once');
        let output = '';
        attachment.output.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        attachment.write(Buffer.from('hello\n'));
        attachment.endInput();
        assert.equal(await attachment.exited, 4);
        assert.match(output, /got hello/);
        await runtime.stopDyno(spec.id, { graceSeconds: 0 });
      },
    },
  ],
};
