/**
 * Publishes the data-plane feeds: reads the store, builds the route and DNS feeds (pure
 * builders beside this file) and hands them to the backend's data plane, whenever the API
 * changes desired state or a reconciler records a change of actual state (a dyno up or down),
 * and on a timer in case a signal was missed (level-triggered: each feed is a full snapshot).
 *
 * It also writes back what the router says about draining dynos: once the router no longer
 * routes to one, its drain record gets its `drainedAt` and the reconciler may stop it.
 */
import type { DataPlane } from '../../backends/backend.js';
import type { Logger } from '../../shared/log.js';
import type { Store } from '../store/store.js';
/** How long a routed dyno may drain before the reconciler stops it anyway (Heroku: 30 s). */
export declare const ROUTER_DRAIN_TIMEOUT_MS = 30000;
export interface FeedPublisherOptions {
    /** Base domain of app URLs: `<app>.<domain>`. */
    readonly domain: string;
    readonly log: Logger;
    /** How often the router's feed is rebuilt without a signal, in ms. @default 250 */
    readonly routerPollMs?: number;
    /** How often the DNS feed is rebuilt without a signal, in ms. @default 2000 */
    readonly dnsPollMs?: number;
}
export declare class FeedPublisher {
    #private;
    constructor(store: Store, dataPlane: DataPlane, options: FeedPublisherOptions);
    /** Publishes both feeds once (resolves when applied), then follows the store. */
    start(): Promise<void>;
    /** Publishes soon; publications of one feed never overlap, and a request during one runs another. */
    trigger(): void;
    /** Publishes both feeds from the store as it is now; resolves when applied. */
    sync(): Promise<void>;
    close(): Promise<void>;
}
