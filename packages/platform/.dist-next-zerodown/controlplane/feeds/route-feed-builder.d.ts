/**
 * Builds the router's feed from store records. Pure: plain arrays in, plain JSON out, so the
 * caller decides when to read the store. The feed names spaces, apps and dynos; where each
 * space's network is (namespace, router VIP, transit) is the backend's business.
 */
import type { RouteFeed } from '../../dataplane/router/route-feed.js';
import type { AppAllowedCallerRecord, AppCallerListRecord, AppInboundRulesetRecord, AppRecord, DynoDrainRecord, DynoRecord, SniEndpointRecord, SpaceRecord } from '../store/records.js';
import type { DomainInput } from './dns-feed-builder.js';
export interface RouteFeedInput {
    readonly spaces: readonly SpaceRecord[];
    readonly apps: readonly AppRecord[];
    readonly dynos: readonly DynoRecord[];
    /** @default [] */
    readonly drains?: readonly DynoDrainRecord[];
    /** @default [] */
    readonly domains?: readonly DomainInput[];
    /** @default [] */
    readonly sniEndpoints?: readonly SniEndpointRecord[];
    /** @default [] */
    readonly appInboundRulesets?: readonly AppInboundRulesetRecord[];
    /** Internal apps' caller lists and their apps. @default [] */
    readonly appCallerLists?: readonly AppCallerListRecord[];
    /** @default [] */
    readonly appAllowedCallers?: readonly AppAllowedCallerRecord[];
}
export interface RouteFeedOptions {
    /** Base domain of app URLs: an app's default domain is `<app>.<domain>`. */
    readonly domain: string;
}
/** Store records → the route feed. */
export declare function buildRouteFeed(input: RouteFeedInput, options: RouteFeedOptions): RouteFeed;
