/**
 * `cove server --cleanup`: removes everything Cove's runtime created on this host (namespaces,
 * interfaces, nft tables, cgroups, dynos), leaving the data directory's store in place.
 */
import { NoRuntime } from './backends/none/no-runtime.js';
import type { Config } from './shared/config.js';
import type { Logger } from './shared/log.js';

export async function cleanupHost(config: Config, log: Logger): Promise<void> {
  const modulePath = './backends/linux/linux-runtime.js';
  let runtime;
  try {
    const { LinuxRuntime } = (await import(modulePath)) as {
      LinuxRuntime: new (options: { dataDir: string; publicInterface: string | null; outboundIps: readonly string[] }) => NoRuntime;
    };
    runtime = new LinuxRuntime({ dataDir: config.dataDir, publicInterface: config.publicInterface, outboundIps: config.outboundIps });
  } catch {
    log.info('Nothing to clean up: the linux runtime is not available');
    return;
  }
  await runtime.cleanup();
  log.info('Removed everything Cove created on this host', { dataDir: config.dataDir });
}
