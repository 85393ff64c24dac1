/**
 * Builds the DNS data plane's feed from store records. Pure: plain arrays in, plain JSON out,
 * so the caller decides when to read the store (on a watch event, or on every reconcile pass).
 * The router addresses each space answers with are filled in by the backend, which built the
 * space's network (see dns-feed.ts).
 */
import type { DnsFeed } from '../../dataplane/dns/dns-feed.js';
import type { AppRecord, DynoRecord, SpaceRecord } from '../store/records.js';
/** A custom domain of an app. */
export interface DomainInput {
    readonly appId: string;
    readonly hostname: string;
}
export interface DnsFeedInput {
    readonly spaces: readonly SpaceRecord[];
    readonly apps: readonly AppRecord[];
    readonly dynos: readonly DynoRecord[];
    /** @default [] */
    readonly domains?: readonly DomainInput[];
}
export interface DnsFeedOptions {
    /** Base domain of app URLs: an app's default domain is `<app>.<domain>`. */
    readonly domain: string;
}
/** Store records → the DNS feed (every served space, every public domain). */
export declare function buildDnsFeed(input: DnsFeedInput, options: DnsFeedOptions): DnsFeed;
