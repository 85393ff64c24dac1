/**
 * The in-memory backend of the tests: spaces become allocated and dynos go up at once, in
 * this process (./memory-runtime.ts); no data plane. A test may pass its own runtime (e.g. one
 * that counts what the reconciler asks).
 */
import type { Backend, BackendHooks } from '../backend.js';
import type { BuildRunner } from '../build-runner.js';
import type { Runtime } from '../runtime.js';
import { MemoryRuntime } from './memory-runtime.js';

export { MemoryRuntime } from './memory-runtime.js';

export function createMemoryBackend(
  hooks: BackendHooks,
  options: { readonly buildRunner: BuildRunner; readonly runtime?: (hooks: BackendHooks) => Runtime },
): Backend {
  const runtime = options.runtime?.(hooks) ?? new MemoryRuntime({ hooks });
  return {
    kind: 'memory',
    runtime,
    dataPlane: {},
    buildRunner: options.buildRunner,
    runsDynos: runtime.kind !== 'none',
    start: () => runtime.start(),
    close: () => runtime.close(),
    stopDataPlane: async () => {},
    cleanup: () => runtime.cleanup(),
  };
}
