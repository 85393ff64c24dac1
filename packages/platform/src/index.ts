/**
 * @cove/platform's public surface: what `cove server` and the test suites use.
 */
export { startPlatform, type Platform, type PlatformOverrides } from './platform.js';
export { loadConfig, SERVER_USAGE, type Config } from './shared/config.js';
export { createLogger, silentLogger, type Logger } from './shared/log.js';
export { ERROR_CATALOGUE_IDS, RUNTIME_ERROR_CODES } from './shared/error-catalogue.js';
export type { DynoSpec, DynoStatus, Runtime, RuntimeHooks, SpaceSpec, SpaceStatus } from './backends/runtime.js';
export { MemoryRuntime } from './backends/memory/memory-runtime.js';
export { spaceAddressing } from './shared/space-addressing.js';
export { LinuxRuntime, type LinuxRuntimeOptions } from './backends/linux/linux-runtime.js';
export type { DnsAppFeed, DnsDynoFeed, DnsFeed, DnsSpaceFeed } from './dataplane/dns/dns-feed.js';
export { DnsServer, type DnsServerOptions, type DnsSockets } from './dataplane/dns/dns-server.js';
export { DnsProcess, DnsProcessError, type DnsProcessOptions } from './dataplane/dns/dns-process.js';
export { parseResolvConf, parseUpstream, type DnsUpstream } from './dataplane/dns/resolv-conf.js';
export { buildDnsFeed, type DnsFeedInput, type DnsFeedOptions, type DomainInput } from './controlplane/feeds/dns-feed-builder.js';
export { defaultComponents, type ComponentContext, type PlatformComponent } from './platform-component.js';
export { issueCertificate, type IssuedCertificate } from './shared/local-ca.js';
export { formatLogLine, formatLogTime } from './shared/log-line-format.js';
export type { RouteApp, RouteFeed, RouteServer, RouteSpace } from './dataplane/router/route-feed.js';
export { HaproxyRouter, type HaproxyRouterOptions } from './dataplane/router/haproxy-router.js';
export { parseRouterLog, type RouterLogEntry } from './dataplane/router/router-log.js';
export { RouterMetrics } from './dataplane/router/router-metrics.js';
export { routerLineSink } from './components/router-component.js';
export { SqliteStore, type Store } from './controlplane/store/sqlite/sqlite-store.js';
export { appLogWriter } from './controlplane/logs/app-log-writer.js';
export { buildRouteFeed, type RouteFeedInput, type RouteFeedOptions } from './controlplane/feeds/route-feed-builder.js';
export type { DynoAttachment, DynoAttachSpec } from './backends/runtime.js';
export { encodeFrame, FRAME, EXIT_STATUS_MARKER, RENDEZVOUS_HANDSHAKE } from './dataplane/rendezvous/rendezvous-server.js';
