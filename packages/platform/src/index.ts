/**
 * @cove/platform's public surface: what `cove server`'s tests and the benches use, nothing more
 * (the server itself starts from dist/bin/server.js).
 */
export { startPlatform, type Platform, type PlatformOverrides } from './platform.js';
export { loadConfig } from './shared/config.js';
export { silentLogger } from './shared/log.js';
export { ERROR_CATALOGUE_IDS, RUNTIME_ERROR_CODES } from './shared/error-catalogue.js';
export type { DynoSpec, Runtime, RuntimeHooks, SpaceSpec, SpaceStatus } from './backends/runtime.js';
// Each backend through its one entry point.
export { MemoryRuntime } from './backends/memory/index.js';
export { LinuxRuntime, routerLineSink } from './backends/linux/index.js';
export type { DnsServerFeed } from './dataplane/dns/dns-feed.js';
export { DnsServer } from './dataplane/dns/dns-server.js';
export { DnsProcess, runningDnsPid, stopLeftoverDns } from './dataplane/dns/dns-process.js';
export { stopLeftoverDrains } from './dataplane/drains/drain-process.js';
export { issueCertificate } from './shared/local-ca.js';
export type { NamespacedRouteFeed } from './dataplane/router/route-feed.js';
export { HaproxyRouter } from './dataplane/router/haproxy-router.js';
export { RouterMetrics } from './dataplane/router/router-metrics.js';
export { SqliteStore } from './controlplane/store/sqlite/sqlite-store.js';
export { appLogWriter } from './controlplane/logs/app-log-writer.js';
export { encodeFrame, FRAME } from './dataplane/rendezvous/rendezvous-server.js';
