/**
 * `cove server --cleanup`: removes everything Cove's runtime created on this host (namespaces,
 * interfaces, nft tables, cgroups, dynos), leaving the data directory's store in place.
 */
import { LinuxRuntime } from './backends/linux/linux-runtime.js';
import type { Config } from './shared/config.js';
import type { Logger } from './shared/log.js';

export async function cleanupHost(config: Config, log: Logger): Promise<void> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    log.info('Nothing to clean up without root: the linux runtime never ran as this user');
    return;
  }
  const runtime = new LinuxRuntime({ dataDir: config.dataDir, publicInterface: config.publicInterface, outboundIps: config.outboundIps, cgroupParent: config.cgroupParent });
  await runtime.cleanup();
  log.info('Removed everything Cove created on this host', { dataDir: config.dataDir });
}
