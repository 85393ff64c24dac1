import type { Backend, DataPlaneCloseOptions } from './backends/backend.js';
import type { Runtime, RuntimeHooks } from './backends/runtime.js';
import { type ApiListener } from './controlplane/api/api-listener.js';
import type { ApiServer } from './controlplane/api/api-server.js';
import { LogDrainService } from './controlplane/logs/log-drain-service.js';
import { Builder } from './controlplane/builder/builder.js';
import { Reconciler } from './controlplane/reconciler/reconciler.js';
import type { Store } from './controlplane/store/store.js';
import type { Config } from './shared/config.js';
import type { Logger } from './shared/log.js';
export interface Platform {
    readonly config: Config;
    readonly store: Store;
    readonly backend: Backend;
    readonly runtime: Runtime;
    readonly reconciler: Reconciler;
    /** Feeds log drains; its forwarder process runs while any drain exists. */
    readonly drains: LogDrainService;
    readonly builder: Builder;
    readonly api: ApiServer;
    readonly listener: ApiListener;
    /** http://HOST:PORT of the API (the same port also speaks HTTPS). */
    readonly apiUrl: string;
    readonly caCertPath: string;
    /** The first account's API key when it was generated or given in this start; else null. */
    readonly adminToken: string | null;
    /**
     * Stops everything; with `keepDataPlane` (`cove server` on SIGTERM/SIGINT) the data plane
     * (router, and DNS and drains once they support it) keeps serving for the next start.
     */
    close(options?: DataPlaneCloseOptions): Promise<void>;
}
export interface PlatformOverrides {
    /**
     * Run the in-memory backend instead of the one the config names (tests), around this
     * runtime when given (the in-memory one otherwise).
     */
    readonly memory?: {
        readonly runtime?: (hooks: RuntimeHooks) => Runtime;
    };
}
export declare function startPlatform(config: Config, log: Logger, overrides?: PlatformOverrides): Promise<Platform>;
