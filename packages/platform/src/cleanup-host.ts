/**
 * `cove server --cleanup`: removes everything Cove's runtime created on this host (namespaces,
 * interfaces, nft tables, cgroups, dynos), leaving the data directory's store in place. It
 * cleans what the linux backend makes whatever `--runtime` says now: an earlier start may have
 * run it (without root, the dispatch gives the none backend, which has nothing to remove).
 */
import { createBackend, type BackendConfig } from './backends/create-backend.js';
import type { Logger } from './shared/log.js';

export async function cleanupHost(config: BackendConfig, log: Logger): Promise<void> {
  const backend = createBackend({ ...config, runtime: 'linux' }, {}, log);
  await backend.cleanup();
  if (backend.runsDynos) log.info('Removed everything Cove created on this host', { dataDir: config.dataDir });
  else log.info('Nothing to clean up: no runtime ran here as this user', { runtime: backend.kind });
}
