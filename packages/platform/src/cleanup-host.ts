/**
 * `cove server --cleanup`: removes everything Cove's runtime created on this host (namespaces,
 * interfaces, nft tables, cgroups, dynos, the data plane's processes left running), leaving the data directory's store in place. It
 * cleans what the linux backend makes whatever `--runtime` says now: an earlier start may have
 * run it (without root, the dispatch gives the none backend, which has nothing to remove).
 */
import { join } from 'node:path';
import { createBackend, type BackendConfig } from './backends/create-backend.js';
import { stopLeftoverDrains } from './dataplane/drains/drain-process.js';
import type { Logger } from './shared/log.js';

/**
 * `cove server --stop-data-plane`: stops the data plane (HAProxy, the space DNS, the drain
 * forwarder) that an earlier `cove server` left running with this data dir, starting nothing.
 */
export async function stopDataPlane(config: BackendConfig, log: Logger): Promise<void> {
  const backend = createBackend(config, {}, log);
  await backend.stopDataPlane();
  await stopLeftoverDrains(join(config.dataDir, 'drains'));
  log.info('Stopped the data plane left running', { dataDir: config.dataDir, runtime: backend.kind });
}

export async function cleanupHost(config: BackendConfig, log: Logger): Promise<void> {
  const backend = createBackend({ ...config, runtime: 'linux' }, {}, log);
  // The drain forwarder a stopped server left delivering (the backend stops its own DNS child).
  await stopLeftoverDrains(join(config.dataDir, 'drains'));
  await backend.cleanup();
  if (backend.runsDynos) log.info('Removed everything Cove created on this host', { dataDir: config.dataDir });
  else log.info('Nothing to clean up: no runtime ran here as this user', { runtime: backend.kind });
}
