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
