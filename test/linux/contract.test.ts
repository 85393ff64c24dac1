/** The Runtime contract suite against the linux backend, inside the test's sandbox. */
import { rm } from 'node:fs/promises';
import { after, before, describe } from 'node:test';
import { enterSandbox } from '../support/sandbox.js';

const inSandbox = enterSandbox(import.meta.url);

if (!inSandbox) {
  describe('Runtime contract: linux', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('./lab.js');
  const { LinuxRuntime } = await import('@cove/platform');
  const { runtimeContract } = await import('../contract/runtime-contract.js');
  let internet: { stop(): void } | undefined;
  before(async () => {
    internet = await lab.makeInternet();
  });
  after(() => internet?.stop());
  let n = 0;
  runtimeContract('linux', async () => {
    const options = await lab.runtimeOptions(`contract${++n}`);
    const runtime = new LinuxRuntime(options);
    await runtime.start();
    return {
      runtime,
      dispose: async () => {
        await runtime.cleanup();
        await rm(options.dataDir, { recursive: true, force: true });
      },
    };
  });
}
