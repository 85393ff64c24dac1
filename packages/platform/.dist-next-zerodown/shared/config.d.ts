export interface HostPort {
    readonly host: string;
    readonly port: number;
}
export type RuntimeName = 'linux' | 'none';
export interface Config {
    /** Every piece of state: the SQLite store, slugs, TLS material. @default "/var/lib/cove" */
    readonly dataDir: string;
    /** The API listener (plain HTTP and HTTPS on the same port). @default 127.0.0.1:5000 */
    readonly api: HostPort;
    /** The public router's HTTP listener. @default 0.0.0.0:80 */
    readonly http: HostPort;
    /** The public router's HTTPS listener. @default 0.0.0.0:443 */
    readonly https: HostPort;
    /** Base domain of app URLs: `<app>.<domain>`. @default "cove.localhost" */
    readonly domain: string;
    /** Interface toward the outside; null means the interface of the default route. @default null */
    readonly publicInterface: string | null;
    /** Addresses spaces send from; empty means the public interface's primary address. @default [] */
    readonly outboundIps: readonly string[];
    /** The region this install serves. @default "local" */
    readonly region: string;
    /** Which runtime backend drives spaces and dynos. @default "linux" */
    readonly runtime: RuntimeName;
    /** Email of the account created on first start. @default "admin@cove.local" */
    readonly adminEmail: string;
    /** API key of that account when set (automation); otherwise one is generated. @default null */
    readonly adminToken: string | null;
    /** How often the reconciler converges even without a change. @default 2000 */
    readonly reconcileIntervalMs: number;
    /** How long a `heroku logs --tail` session URL works (a dump's works at most 5 minutes). @default 3600 s */
    readonly logSessionTtlMs: number;
    /** Lines each log drain buffers while it cannot deliver; older ones are dropped (L10). @default 1000 */
    readonly drainBufferLines: number;
    /** The cgroup every dyno cgroup lives under (per hierarchy). @default "cove" */
    readonly cgroupParent: string;
    /** Remove everything Cove created on this host, then exit. @default false */
    readonly cleanup: boolean;
    /** Stop the data plane (router) an earlier server left running with this data dir, then exit. @default false */
    readonly stopDataPlane: boolean;
    /** The router's wait for a dyno's first response byte before H12, in ms. @default 30000 */
    readonly routerTimeoutMs: number;
    /** The router's Prometheus metrics listener (`GET /metrics`); null: none. @default null */
    readonly metrics: HostPort | null;
    /** HAProxy threads of the router. @default `defaultRouterThreads()`: half the host's CPUs, at least 1 */
    readonly routerThreads: number;
}
/**
 * What the linux backend reads: where it keeps its files, the host's interfaces and cgroups,
 * and its data plane's listeners (the router's, and the API port dynos must never reach).
 */
export type LinuxConfig = Pick<Config, 'dataDir' | 'publicInterface' | 'outboundIps' | 'cgroupParent' | 'api' | 'http' | 'https' | 'domain' | 'routerTimeoutMs' | 'routerThreads' | 'metrics'>;
/** Copies the named fields of the config: a component gets its slice, not the whole Config. */
export declare function configSlice<C extends Partial<Config>, K extends keyof C>(config: C, keys: readonly K[]): Pick<C, K>;
/** The fields of LinuxConfig, for configSlice(). */
export declare const LINUX_CONFIG_KEYS: readonly ["dataDir", "publicInterface", "outboundIps", "cgroupParent", "api", "http", "https", "domain", "routerTimeoutMs", "routerThreads", "metrics"];
/**
 * The router's share of the host: half its CPUs (at least one thread), leaving the rest to the
 * dynos and to Cove, which turns every request's log line into a Heroku line. Measured on a
 * 2-CPU host under 64 connections (bench/router): one HAProxy thread served more requests per
 * second than two, at less CPU per request (no contention with the backends and the log reader
 * on the other CPU, and no cross-thread locking of the log ring).
 */
export declare function defaultRouterThreads(cpus?: number): number;
/** The server's flags, for `cove server --help`. */
export declare const SERVER_USAGE = "Usage: cove server [options]\n\nOptions (each also settable by the environment variable shown):\n  --data-dir DIR             all state (COVE_DATA_DIR)              [/var/lib/cove]\n  --api HOST:PORT            API, HTTP and HTTPS on one port (COVE_API) [127.0.0.1:5000]\n  --http HOST:PORT           public router, HTTP (COVE_HTTP)        [0.0.0.0:80]\n  --https HOST:PORT          public router, HTTPS (COVE_HTTPS)      [0.0.0.0:443]\n  --domain DOMAIN            base domain of app URLs (COVE_DOMAIN)  [cove.localhost]\n  --public-interface IFACE   uplink for outbound traffic (COVE_PUBLIC_INTERFACE) [default route's]\n  --outbound-ips LIST|A-B    spaces' outbound addresses (COVE_OUTBOUND_IPS) [interface address]\n  --region NAME              region this install serves (COVE_REGION) [local]\n  --runtime linux|none       runtime backend (COVE_RUNTIME)         [linux]\n  --admin-email EMAIL        first account's email (COVE_ADMIN_EMAIL) [admin@cove.local]\n  --log-session-ttl SECONDS  lifetime of a log tail URL (COVE_LOG_SESSION_TTL) [3600]\n  --drain-buffer LINES       lines a drain buffers while down (COVE_DRAIN_BUFFER) [1000]\n  --cgroup-parent NAME       cgroup holding the dynos' cgroups (COVE_CGROUP_PARENT) [cove]\n  --router-timeout MS        router's wait for a first response byte, H12 after (COVE_ROUTER_TIMEOUT_MS) [30000]\n  --metrics HOST:PORT        router metrics for Prometheus, GET /metrics (COVE_METRICS) [off]\n  --router-threads N         HAProxy threads of the router (COVE_ROUTER_THREADS) [half the CPUs]\n  --cleanup                  remove everything Cove created on this host, then exit\n  --stop-data-plane          stop the router an earlier server left running (it outlives\n                             the server: stopping, restarting, crashing), then exit\n  COVE_ADMIN_TOKEN           API key of the first account (otherwise generated)\n";
/** Parses `HOST:PORT` (or `[v6]:PORT`, or a bare `PORT` meaning all addresses). */
export declare function parseHostPort(value: string, flag: string): HostPort;
/** Expands `a,b,c` or `A-B` (an IPv4 range) into a list of addresses. */
export declare function parseOutboundIps(value: string): string[];
/**
 * Builds the frozen configuration from command-line arguments and an environment.
 * Flags win over environment variables, which win over defaults.
 */
export declare function loadConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Config;
