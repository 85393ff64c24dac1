/**
 * `cove server --cleanup`: removes everything the configured backend created on this host
 * (for linux: namespaces, interfaces, nft tables, cgroups, dynos), leaving the data
 * directory's store in place.
 */
import { createBackend, type BackendConfig } from './backends/create-backend.js';
import type { Logger } from './shared/log.js';

export async function cleanupHost(config: BackendConfig, log: Logger): Promise<void> {
  const backend = createBackend(config, {}, log);
  await backend.cleanup();
  if (backend.runsDynos) log.info('Removed everything Cove created on this host', { dataDir: config.dataDir });
  else log.info('Nothing to clean up: no runtime ran here as this user', { runtime: backend.kind });
}
