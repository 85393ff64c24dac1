/**
 * Cove's server configuration: read once at start-up from flags, then environment, then
 * defaults; validated; deep-frozen. Components receive only their own slice.
 */
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './errors.js';

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
export type LinuxConfig = Pick<
  Config,
  'dataDir' | 'publicInterface' | 'outboundIps' | 'cgroupParent' | 'api' | 'http' | 'https' | 'domain' | 'routerTimeoutMs' | 'routerThreads' | 'metrics'
>;

/** Copies the named fields of the config: a component gets its slice, not the whole Config. */
export function configSlice<C extends Partial<Config>, K extends keyof C>(config: C, keys: readonly K[]): Pick<C, K> {
  const slice = {} as Pick<C, K>;
  for (const key of keys) slice[key] = config[key];
  return Object.freeze(slice);
}

/** The fields of LinuxConfig, for configSlice(). */
export const LINUX_CONFIG_KEYS = [
  'dataDir', 'publicInterface', 'outboundIps', 'cgroupParent', 'api', 'http', 'https', 'domain', 'routerTimeoutMs', 'routerThreads', 'metrics',
] as const satisfies readonly (keyof LinuxConfig)[];

/**
 * The router's share of the host: half its CPUs (at least one thread), leaving the rest to the
 * dynos and to Cove, which turns every request's log line into a Heroku line. Measured on a
 * 2-CPU host under 64 connections (bench/router): one HAProxy thread served more requests per
 * second than two, at less CPU per request (no contention with the backends and the log reader
 * on the other CPU, and no cross-thread locking of the log ring).
 */
export function defaultRouterThreads(cpus: number = availableParallelism()): number {
  return Math.max(1, Math.floor(cpus / 2));
}

const OPTIONS = {
  'data-dir': { type: 'string', env: 'COVE_DATA_DIR', default: '/var/lib/cove' },
  api: { type: 'string', env: 'COVE_API', default: '127.0.0.1:5000' },
  http: { type: 'string', env: 'COVE_HTTP', default: '0.0.0.0:80' },
  https: { type: 'string', env: 'COVE_HTTPS', default: '0.0.0.0:443' },
  domain: { type: 'string', env: 'COVE_DOMAIN', default: 'cove.localhost' },
  'public-interface': { type: 'string', env: 'COVE_PUBLIC_INTERFACE', default: '' },
  'outbound-ips': { type: 'string', env: 'COVE_OUTBOUND_IPS', default: '' },
  region: { type: 'string', env: 'COVE_REGION', default: 'local' },
  runtime: { type: 'string', env: 'COVE_RUNTIME', default: 'linux' },
  'admin-email': { type: 'string', env: 'COVE_ADMIN_EMAIL', default: 'admin@cove.local' },
  'reconcile-interval': { type: 'string', env: 'COVE_RECONCILE_INTERVAL_MS', default: '2000' },
  'log-session-ttl': { type: 'string', env: 'COVE_LOG_SESSION_TTL', default: '3600' },
  'drain-buffer': { type: 'string', env: 'COVE_DRAIN_BUFFER', default: '1000' },
  'cgroup-parent': { type: 'string', env: 'COVE_CGROUP_PARENT', default: 'cove' },
  'router-timeout': { type: 'string', env: 'COVE_ROUTER_TIMEOUT_MS', default: '30000' },
  metrics: { type: 'string', env: 'COVE_METRICS', default: '' },
  'router-threads': { type: 'string', env: 'COVE_ROUTER_THREADS', default: '' },
} as const;

/** The server's flags, for `cove server --help`. */
export const SERVER_USAGE = `Usage: cove server [options]

Options (each also settable by the environment variable shown):
  --data-dir DIR             all state (COVE_DATA_DIR)              [/var/lib/cove]
  --api HOST:PORT            API, HTTP and HTTPS on one port (COVE_API) [127.0.0.1:5000]
  --http HOST:PORT           public router, HTTP (COVE_HTTP)        [0.0.0.0:80]
  --https HOST:PORT          public router, HTTPS (COVE_HTTPS)      [0.0.0.0:443]
  --domain DOMAIN            base domain of app URLs (COVE_DOMAIN)  [cove.localhost]
  --public-interface IFACE   uplink for outbound traffic (COVE_PUBLIC_INTERFACE) [default route's]
  --outbound-ips LIST|A-B    spaces' outbound addresses (COVE_OUTBOUND_IPS) [interface address]
  --region NAME              region this install serves (COVE_REGION) [local]
  --runtime linux|none       runtime backend (COVE_RUNTIME)         [linux]
  --admin-email EMAIL        first account's email (COVE_ADMIN_EMAIL) [admin@cove.local]
  --log-session-ttl SECONDS  lifetime of a log tail URL (COVE_LOG_SESSION_TTL) [3600]
  --drain-buffer LINES       lines a drain buffers while down (COVE_DRAIN_BUFFER) [1000]
  --cgroup-parent NAME       cgroup holding the dynos' cgroups (COVE_CGROUP_PARENT) [cove]
  --router-timeout MS        router's wait for a first response byte, H12 after (COVE_ROUTER_TIMEOUT_MS) [30000]
  --metrics HOST:PORT        router metrics for Prometheus, GET /metrics (COVE_METRICS) [off]
  --router-threads N         HAProxy threads of the router (COVE_ROUTER_THREADS) [half the CPUs]
  --cleanup                  remove everything Cove created on this host, then exit
  --stop-data-plane          stop the router an earlier server left running (it outlives
                             the server: stopping, restarting, crashing), then exit
  COVE_ADMIN_TOKEN           API key of the first account (otherwise generated)
`;

/** Parses `HOST:PORT` (or `[v6]:PORT`, or a bare `PORT` meaning all addresses). */
export function parseHostPort(value: string, flag: string): HostPort {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(value) ?? /^()()(\d{1,5})$/.exec(value);
  const port = m === null ? NaN : Number(m[3]);
  if (m === null || !(port >= 0 && port <= 65535)) {
    throw new ConfigError(`Invalid --${flag} "${value}": expected HOST:PORT`);
  }
  const host = m[1] ?? (m[2] === '' || m[2] === undefined ? '0.0.0.0' : m[2]);
  return { host, port };
}

/** Expands `a,b,c` or `A-B` (an IPv4 range) into a list of addresses. */
export function parseOutboundIps(value: string): string[] {
  const text = value.trim();
  if (text === '') return [];
  const range = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(text);
  if (range !== null) {
    const [from, to] = [range[1] ?? '', range[2] ?? ''];
    if (isIP(from) !== 4 || isIP(to) !== 4) throw new ConfigError(`Invalid --outbound-ips range "${value}"`);
    const a = ipv4ToInt(from);
    const b = ipv4ToInt(to);
    if (b < a || b - a > 4096) throw new ConfigError(`Invalid --outbound-ips range "${value}": empty or too large`);
    const out: string[] = [];
    for (let i = a; i <= b; i++) out.push(intToIpv4(i));
    return out;
  }
  const list = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const ip of list) {
    if (isIP(ip) !== 4) throw new ConfigError(`Invalid --outbound-ips address "${ip}": expected IPv4`);
  }
  return list;
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/**
 * Builds the frozen configuration from command-line arguments and an environment.
 * Flags win over environment variables, which win over defaults.
 */
export function loadConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Config {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        ...Object.fromEntries(Object.keys(OPTIONS).map((k) => [k, { type: 'string' as const }])),
        cleanup: { type: 'boolean' },
        'stop-data-plane': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const get = (key: keyof typeof OPTIONS): string => {
    const flag = values[key];
    if (typeof flag === 'string') return flag;
    const fromEnv = env[OPTIONS[key].env];
    return fromEnv !== undefined && fromEnv !== '' ? fromEnv : OPTIONS[key].default;
  };

  const runtime = get('runtime');
  if (runtime !== 'linux' && runtime !== 'none') {
    throw new ConfigError(`Invalid --runtime "${runtime}": expected "linux" or "none"`);
  }
  const domain = get('domain').toLowerCase();
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(domain)) {
    throw new ConfigError(`Invalid --domain "${domain}"`);
  }
  const region = get('region');
  if (!/^[a-z][a-z0-9-]{0,29}$/.test(region)) throw new ConfigError(`Invalid --region "${region}"`);
  const interval = Number(get('reconcile-interval'));
  if (!Number.isInteger(interval) || interval < 50) {
    throw new ConfigError(`Invalid reconcile interval "${get('reconcile-interval')}": expected milliseconds ≥ 50`);
  }
  const adminEmail = get('admin-email');
  if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail)) throw new ConfigError(`Invalid --admin-email "${adminEmail}"`);
  const adminToken = env['COVE_ADMIN_TOKEN'];
  if (adminToken !== undefined && adminToken !== '' && adminToken.length < 16) {
    throw new ConfigError('COVE_ADMIN_TOKEN must be at least 16 characters');
  }
  const routerTimeoutMs = Number(get('router-timeout'));
  if (!Number.isInteger(routerTimeoutMs) || routerTimeoutMs < 100) {
    throw new ConfigError(`Invalid --router-timeout "${get('router-timeout')}": expected milliseconds ≥ 100`);
  }
  const routerThreadsText = get('router-threads');
  const routerThreads = routerThreadsText === '' ? defaultRouterThreads() : Number(routerThreadsText);
  if (!Number.isInteger(routerThreads) || routerThreads < 1 || routerThreads > 64) {
    throw new ConfigError(`Invalid --router-threads "${routerThreadsText}": expected a number of threads from 1 to 64`);
  }
  const publicInterface = get('public-interface');
  const cgroupParent = get('cgroup-parent');
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/.test(cgroupParent)) throw new ConfigError(`Invalid --cgroup-parent "${cgroupParent}"`);
  const logSessionTtl = Number(get('log-session-ttl'));
  if (!Number.isInteger(logSessionTtl) || logSessionTtl < 1) {
    throw new ConfigError(`Invalid --log-session-ttl "${get('log-session-ttl')}": expected seconds ≥ 1`);
  }
  const drainBuffer = Number(get('drain-buffer'));
  if (!Number.isInteger(drainBuffer) || drainBuffer < 1) {
    throw new ConfigError(`Invalid --drain-buffer "${get('drain-buffer')}": expected a number of lines ≥ 1`);
  }

  return deepFreeze({
    dataDir: resolve(get('data-dir')),
    api: parseHostPort(get('api'), 'api'),
    http: parseHostPort(get('http'), 'http'),
    https: parseHostPort(get('https'), 'https'),
    domain,
    publicInterface: publicInterface === '' ? null : publicInterface,
    outboundIps: parseOutboundIps(get('outbound-ips')),
    region,
    runtime,
    adminEmail,
    adminToken: adminToken === undefined || adminToken === '' ? null : adminToken,
    reconcileIntervalMs: interval,
    logSessionTtlMs: logSessionTtl * 1000,
    drainBufferLines: drainBuffer,
    cgroupParent,
    cleanup: values['cleanup'] === true,
    stopDataPlane: values['stop-data-plane'] === true,
    routerTimeoutMs,
    metrics: get('metrics') === '' ? null : parseHostPort(get('metrics'), 'metrics'),
    routerThreads,
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
