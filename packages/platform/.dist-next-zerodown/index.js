/**
 * @cove/platform's public surface: what `cove server`'s tests and the benches use, nothing more
 * (the server itself starts from dist/bin/server.js).
 */
export { startPlatform } from './platform.js';
export { loadConfig } from './shared/config.js';
export { silentLogger } from './shared/log.js';
export { ERROR_CATALOGUE_IDS, RUNTIME_ERROR_CODES } from './shared/error-catalogue.js';
// Each backend through its one entry point.
export { MemoryRuntime } from './backends/memory/index.js';
export { LinuxRuntime, routerLineSink } from './backends/linux/index.js';
export { DnsServer } from './dataplane/dns/dns-server.js';
export { DnsProcess } from './dataplane/dns/dns-process.js';
export { issueCertificate } from './shared/local-ca.js';
export { HaproxyRouter } from './dataplane/router/haproxy-router.js';
export { RouterMetrics } from './dataplane/router/router-metrics.js';
export { SqliteStore } from './controlplane/store/sqlite/sqlite-store.js';
export { appLogWriter } from './controlplane/logs/app-log-writer.js';
export { encodeFrame, FRAME } from './dataplane/rendezvous/rendezvous-server.js';
//# sourceMappingURL=index.js.map