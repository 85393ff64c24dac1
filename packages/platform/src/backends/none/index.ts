/**
 * The no-runtime backend (`--runtime none`, or linux without root): runs nothing, so spaces
 * stay allocating with a clear last error; no data plane. Builds still run, on the runner it
 * is given (see ../create-backend.ts).
 */
import type { Backend } from '../backend.js';
import type { BuildRunner } from '../build-runner.js';
import { NoRuntime } from './no-runtime.js';

export function createNoneBackend(options: { readonly reason: string; readonly buildRunner: BuildRunner }): Backend {
  const runtime = new NoRuntime(options.reason);
  return {
    kind: 'none',
    runtime,
    dataPlane: {},
    buildRunner: options.buildRunner,
    runsDynos: false,
    start: () => runtime.start(),
    close: () => runtime.close(),
    stopDataPlane: async () => {},
    cleanup: () => runtime.cleanup(),
  };
}
