import type { NamespacedRouteFeed, RouteServer } from './route-feed.js';
export interface HaproxyListen {
    readonly host: string;
    readonly port: number;
}
export interface HaproxyConfigOptions {
    /** The public HTTP listener (host namespace). */
    readonly http: HaproxyListen;
    /** The public HTTPS listener and its default certificate (chain and key, PEM); null: none. */
    readonly https: (HaproxyListen & {
        readonly defaultCertificate: string;
    }) | null;
    /** The TCP port on 127.0.0.1 that receives the request log (one line per request, see `LOG_RING`). */
    readonly logPort: number;
    /**
     * The UDP port on 127.0.0.1 that receives, one datagram each, the lines of a process that is
     * finishing after a reload: HAProxy stops forwarding its ring as soon as it is told to finish.
     */
    readonly finishingLogPort: number;
    /** This process's admin socket (also hands the listeners to the next process on reload). */
    readonly statsSocket: string;
    /** Where the error pages are (see `errorPages()`). */
    readonly pagesDir: string;
    /** Where the map files of this generation are written (see `renderHaproxy().maps`). */
    readonly mapsDir: string;
    /**
     * Where each frontend's hand-off socket is (the same for every generation); null: no hand-off.
     * A process finishing after a reload cannot connect into a space (HAProxy closes its
     * namespace descriptors on SIGUSR1), so a request it reads after that goes, with its client's
     * addresses (PROXY protocol), to the same frontend of the process that replaced it, over this
     * socket (`handoffSocket()`). @default null
     */
    readonly handoffDir?: string | null;
    /** Prometheus exporter listener on the loopback; null: none. @default null */
    readonly metricsPort?: number | null;
    /** Seconds an old process may keep finishing requests after a reload. @default 30 */
    readonly hardStopAfterSeconds?: number;
    /** Time to the first byte of a response, in ms (Heroku: 30 s, then H12). @default 30000 */
    readonly firstByteTimeoutMs?: number;
    /** HAProxy's threads; null: HAProxy's default (one per CPU). @default null */
    readonly threads?: number | null;
    /** How long to wait for a dyno to accept a connection, in ms. @default 5000 */
    readonly connectTimeoutMs?: number;
    /**
     * Each app's server slots, in order (null: an empty slot, to be filled at run time through
     * the admin socket). @default the app's servers followed by empty slots, `slotCount()` in all
     */
    readonly slots?: ReadonlyMap<string, readonly (RouteServer | null)[]>;
}
export interface RenderedHaproxy {
    readonly config: string;
    /** File name (inside `mapsDir`) → contents: host maps, certificates and their crt-list. */
    readonly maps: ReadonlyMap<string, string>;
}
/** The fields of every request log line, in order, tab-separated (see router-log.ts). */
export declare const LOG_FIELDS: readonly ["%ci", "%f", "%HM", "%ST", "%B", "%Tc", "%Ta", "%b", "%s", "%tsc", "%[var(txn.rid)]", "%[var(txn.code)]", "%[capture.req.hdr(1)]", "%[capture.req.hdr(0)]", "%HU", "%si:%sp", "%[stopping]", "%pid.%rt"];
/**
 * Every dyno server's health check: a connect every 2 s, out of rotation after three failures
 * (a dyno that merely refuses for a moment still answers H21, its requests retried first), back
 * after one success.
 */
export declare const HEALTH_CHECK = "check inter 2s fall 3 rise 1";
/** The HTTPS listener's frontend: its requests log `protocol=https`. */
export declare const HTTPS_FRONTEND = "public-https";
/** The ring buffer HAProxy logs requests into. */
export declare const LOG_RING = "cove-log";
/** The backend of requests whose Host is no app on that listener. */
export declare const UNKNOWN_HOST_BACKEND = "unknown-host";
export declare function appBackend(appId: string): string;
/** The name of an app backend's server slot `index` (0-based). */
export declare function slotName(index: number): string;
/**
 * How many server slots a backend with `servers` routed dynos gets: room to start as many
 * again (a rolling restart, a scale-up) without a new HAProxy process. A slot takes another
 * dyno once its old one has left (ServerSlots); only a scale-up beyond the slots needs a new
 * process.
 */
export declare function slotCount(servers: number): number;
/** The hand-off socket of a frontend (short: a socket path has at most 107 bytes). */
export declare function handoffSocket(dir: string, frontend: string): string;
/**
 * Whether a file of `RenderedHaproxy.maps` can change in a serving process through the admin
 * socket, and how: host maps (`add/set/del map`), caller lists and allow-only rulesets
 * (`add/del acl`). Every other file (certificates) is read at start only.
 */
export declare function runtimeFileKind(name: string): 'map' | 'acl' | null;
/** A runtime file's entries: map key → value, or acl pattern → "". */
export declare function runtimeFileEntries(text: string): Map<string, string>;
/** The whole configuration for a feed. */
export declare function renderHaproxy(feed: NamespacedRouteFeed, options: HaproxyConfigOptions): RenderedHaproxy;
/** The files `pagesDir` holds: Heroku-like error pages (every router error is a 503 there). */
export declare function errorPages(): ReadonlyMap<string, string>;
