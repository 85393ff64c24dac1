/**
 * The backend factory dispatch: `--runtime` names a backend kind and this picks its factory.
 * The only module outside `backends/<kind>/` that imports one.
 */
import { configSlice, LINUX_CONFIG_KEYS, type Config } from '../shared/config.js';
import type { Logger } from '../shared/log.js';
import type { Backend, BackendHooks } from './backend.js';
import type { BuildRunner } from './build-runner.js';
import { HostBuildRunner } from './host-build-runner.js';
import { createLinuxBackend, LinuxBuildRunner } from './linux/index.js';
import { createMemoryBackend } from './memory/index.js';
import { createNoneBackend } from './none/index.js';
import type { Runtime } from './runtime.js';

/** What the dispatch reads: the kind, and the linux backend's slice. */
export type BackendConfig = Pick<Config, 'runtime' | (typeof LINUX_CONFIG_KEYS)[number]>;

export interface BackendChoice {
  /** The in-memory backend (tests), optionally around a runtime of the test's own. */
  readonly memory?: { readonly runtime?: (hooks: BackendHooks) => Runtime };
}

function isRoot(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0;
}

/**
 * Build steps are confined (namespaces, the build user) whenever the host allows it, whatever
 * runs the dynos; without root they run as the server's user.
 */
function buildRunner(): BuildRunner {
  return process.getuid?.() === 0 ? new LinuxBuildRunner() : new HostBuildRunner();
}

export function createBackend(config: BackendConfig, hooks: BackendHooks, log: Logger, choice: BackendChoice = {}): Backend {
  if (choice.memory !== undefined) {
    return createMemoryBackend(hooks, { buildRunner: buildRunner(), ...(choice.memory.runtime === undefined ? {} : { runtime: choice.memory.runtime }) });
  }
  if (config.runtime === 'none') return createNoneBackend({ reason: 'the server was started with --runtime none', buildRunner: buildRunner() });
  if (!isRoot()) return createNoneBackend({ reason: 'the linux runtime needs root (network namespaces, nftables, cgroups)', buildRunner: buildRunner() });
  return createLinuxBackend(configSlice(config, LINUX_CONFIG_KEYS), hooks, log);
}
