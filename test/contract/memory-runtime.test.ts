import { MemoryRuntime } from '@cove/platform';
import { runtimeContract } from './runtime-contract.js';

runtimeContract('memory', async () => {
  const runtime = new MemoryRuntime();
  await runtime.start();
  return { runtime, dispose: () => runtime.cleanup() };
});
