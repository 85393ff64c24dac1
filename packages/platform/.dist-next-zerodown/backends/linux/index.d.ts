import type { LinuxConfig } from '../../shared/config.js';
import type { Logger } from '../../shared/log.js';
import type { Backend, BackendHooks } from '../backend.js';
export { LinuxBuildRunner } from './build-runner.js';
export { LinuxRuntime } from './linux-runtime.js';
export { routerLineSink } from './router-plane.js';
export declare function createLinuxBackend(config: LinuxConfig, hooks: BackendHooks, log: Logger): Backend;
