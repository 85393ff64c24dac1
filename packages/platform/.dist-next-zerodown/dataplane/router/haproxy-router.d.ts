import type { Logger } from '../../shared/log.js';
import { type HaproxyListen } from './haproxy-config.js';
import type { NamespacedRouteFeed } from './route-feed.js';
import { RouterControlMetrics } from './router-control-metrics.js';
import { type RouterLogEntry } from './router-log.js';
export interface HaproxyRouterOptions {
    /** Working directory (error pages, one folder per configuration). */
    readonly dir: string;
    readonly http: HaproxyListen;
    /** HTTPS listener and its default certificate (chain and key, PEM); null: HTTP only. @default null */
    readonly https?: (HaproxyListen & {
        readonly defaultCertificate: string;
    }) | null;
    /** Prometheus exporter on 127.0.0.1:<port>; null: none. @default null */
    readonly metricsPort?: number | null;
    /** `cgroup.procs` files HAProxy joins. @default [] */
    readonly cgroupProcs?: readonly string[];
    /** Time to the first byte, in ms. @default 30000 */
    readonly firstByteTimeoutMs?: number;
    /** HAProxy's threads; null: one per CPU. @default null */
    readonly threads?: number | null;
    /** Every request that belongs to an app. */
    readonly onRequest?: (entry: RouterLogEntry) => void;
    /** @default silent */
    readonly log?: Logger;
}
export declare class HaproxyRouter {
    #private;
    constructor(options: HaproxyRouterOptions);
    get pid(): number | undefined;
    /** The HAProxy master's pid (it outlives workers and `cove server`). */
    get masterPid(): number | undefined;
    /** Admin retries and failures, reloads by cause. */
    get control(): RouterControlMetrics;
    start(): Promise<void>;
    /** Stops a HAProxy an earlier server left running with this directory; starts nothing. */
    stopLeftover(): Promise<void>;
    /**
     * Makes the feed the serving configuration; resolves once HAProxy answers from it (true: it
     * changed). Dynos joining or leaving routing, domains, caller lists and allow-only trusted IP
     * ranges change the serving process at run time; other changes start a new process.
     */
    update(feed: NamespacedRouteFeed): Promise<boolean>;
    /** True while a HAProxy process (serving or finishing) may still send requests to the dyno. */
    routes(dynoId: string): boolean;
    /** Stops HAProxy, or with `keepRunning` leaves it serving for the next server to adopt. */
    close(options?: {
        readonly keepRunning?: boolean;
    }): Promise<void>;
}
