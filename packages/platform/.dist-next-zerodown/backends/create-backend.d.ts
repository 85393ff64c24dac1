/**
 * The backend factory dispatch: `--runtime` names a backend kind and this picks its factory.
 * The only module outside `backends/<kind>/` that imports one.
 */
import { LINUX_CONFIG_KEYS, type Config } from '../shared/config.js';
import type { Logger } from '../shared/log.js';
import type { Backend, BackendHooks } from './backend.js';
import type { Runtime } from './runtime.js';
/** What the dispatch reads: the kind, and the linux backend's slice. */
export type BackendConfig = Pick<Config, 'runtime' | (typeof LINUX_CONFIG_KEYS)[number]>;
export interface BackendChoice {
    /** The in-memory backend (tests), optionally around a runtime of the test's own. */
    readonly memory?: {
        readonly runtime?: (hooks: BackendHooks) => Runtime;
    };
}
export declare function createBackend(config: BackendConfig, hooks: BackendHooks, log: Logger, choice?: BackendChoice): Backend;
