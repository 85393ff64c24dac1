import type { RouteFeed } from '../../dataplane/router/route-feed.js';
import type { RouterLogEntry } from '../../dataplane/router/router-log.js';
import { RouterMetrics } from '../../dataplane/router/router-metrics.js';
import type { HostPort } from '../../shared/config.js';
import type { Logger } from '../../shared/log.js';
import type { RouterPlane } from '../backend.js';
import type { RuntimeLogLine } from '../runtime.js';
import type { LinuxSpaceNetwork } from './linux-runtime.js';
/** The cgroup (under the dynos' parent) HAProxy runs in, so `--cleanup` and test sandboxes reap it. */
export declare const ROUTER_CGROUP = "cvrouter";
/** Where `cove server` puts each request's router line: the app's metrics and its log buffer. */
export declare function routerLineSink(metrics: RouterMetrics, appLog: (line: RuntimeLogLine) => void): (entry: RouterLogEntry) => void;
export interface LinuxRouterPlaneOptions {
    /** HAProxy's working directory. */
    readonly dir: string;
    /** The directory of Cove's local CA, for the router's default certificate. */
    readonly tlsDir: string;
    readonly domain: string;
    readonly http: HostPort;
    readonly https: HostPort;
    /** Time to the first byte, in ms. */
    readonly firstByteTimeoutMs: number;
    readonly threads: number;
    /** The Prometheus listener (`GET /metrics`); null: none. */
    readonly metrics: HostPort | null;
    readonly cgroupParent: string;
    readonly networkOf: (spaceId: string | null) => LinuxSpaceNetwork | null;
    /** An app's log line (`heroku[router]`). */
    readonly appLog: (line: RuntimeLogLine) => void;
    readonly log: Logger;
}
export declare class LinuxRouterPlane implements RouterPlane {
    #private;
    constructor(options: LinuxRouterPlaneOptions);
    start(): Promise<void>;
    /** Stops a HAProxy an earlier server left running with this directory; starts nothing. */
    stopDataPlane(): Promise<void>;
    update(feed: RouteFeed): Promise<void>;
    routes(dynoId: string): boolean;
    /** Stops HAProxy, or with `keepRunning` leaves it serving for the next start to adopt. */
    close(options?: {
        readonly keepRunning?: boolean;
    }): Promise<void>;
}
