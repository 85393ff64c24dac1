/**
 * Renders the route feed as one HAProxy configuration (HAProxy 2.6, Debian's build, which has
 * network-namespace support). Pure: feed in, files out. The public listeners live in the host
 * namespace; each space's internal listeners (HTTP on port 80, HTTPS on 443) and every
 * connection to a dyno are made inside the space router's namespace (`namespace` on `bind` and
 * `server` lines), so the host never needs a route into a space.
 *
 * Heroku semantics carried here: X-Forwarded-For/-Proto/-Port, X-Request-Id (kept when valid,
 * otherwise a new UUID; echoed on the response), X-Request-Start (ms), Via; 30 s to the first
 * byte, a rolling 55 s on WebSockets; the trusted IP ranges of the app's space on the real
 * client address (public listener only); H10/H14 when no dyno can serve; every request logged
 * as a Heroku `heroku[router]` line that HAProxy writes itself (`logFormat`).
 */
import { createHash } from 'node:crypto';
import type { NamespacedRouteApp, NamespacedRouteFeed, RouteApp, RouteRule, RouteServer } from './route-feed.js';

export interface HaproxyListen {
  readonly host: string;
  readonly port: number;
}

export interface HaproxyConfigOptions {
  /** The public HTTP listener (host namespace). */
  readonly http: HaproxyListen;
  /**
   * The public HTTPS listener and the default certificate (chain and key, PEM), which each space's
   * internal HTTPS listener (port 443) serves too; null: no HTTPS, public or internal.
   */
  readonly https: (HaproxyListen & { readonly defaultCertificate: string }) | null;
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

/** The runtime map (inside `mapsDir`) naming the dyno in each server slot: `app-<appId>/s<n> web.1`. */
export const DYNO_MAP = 'dynos.map';

/** The key of a server slot in `DYNO_MAP`. */
export function dynoMapKey(appId: string, index: number): string {
  return `${appBackend(appId)}/${slotName(index)}`;
}

/** `DYNO_MAP`'s entries for slots (key → dyno name). */
export function dynoMapEntries(slots: ReadonlyMap<string, readonly (RouteServer | null)[]>): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [appId, list] of slots) for (const [i, s] of list.entries()) if (s !== null) entries.set(dynoMapKey(appId, i), s.name);
  return entries;
}

/**
 * The second field of a request's log line when the request ended normally (`%tsc` "----", no
 * `txn.code`, not a finishing process): the Heroku line that follows it is final.
 */
export const NORMAL_END = '-----0';

/**
 * Every request's log line, tab-separated: the app's backend (`app-<appId>`), the end marker
 * (`NORMAL_END` or termination state, code and stopping flag), HAProxy's own Heroku router line,
 * and what the other lines need (router-log.ts). HAProxy writes the Heroku line itself:
 *
 *   at=info method=GET path="/a" host=shop.apps.test request_id=… fwd="203.0.113.100"
 *   dyno=web.1 connect=0ms service=3ms status=200 bytes=278 protocol=http
 *
 * - path and fwd are escaped (`+E`: `"`, `\` and `]` get a backslash); a request line or header
 *   cannot hold a line break, so no value ends a line early;
 * - the dyno is the slot's name in `DYNO_MAP`, which the router keeps current over the admin socket;
 * - service is the time from the request's headers to the end of the response, from the clock
 *   (HAProxy 2.6 has no sample fetch for its own timers): `%Ta` less the time the request's
 *   headers took to arrive, where Heroku's is `%Ta` less `%Tc`; both are about 0 on a space's
 *   network.
 */
export function logFormat(mapsDir: string): string {
  const service = '%[date(0,ms),sub(txn.t0)]';
  const heroku = [
    'at=info method=%HM path=\\"%{+E}[capture.req.uri]\\" host=%[capture.req.hdr(0),field(1,:)] request_id=%[var(txn.rid)]',
    ' fwd=\\"%{+E,-M}[capture.req.hdr(1),concat(\\", \\")]%ci\\"',
    ` dyno=%{-M}[be_name,concat(/,txn.slot),map(${mapsDir}/${DYNO_MAP},)]`,
    ` connect=%Tc%[str(ms)] service=${service}ms status=%ST bytes=%B protocol=%[ssl_fc,iif(https,http)]`,
  ].join('');
  return ['%b', '%tsc%[var(txn.code)]%[stopping]', heroku, `${service} %ST %Tc %s %si:%sp %pid.%rt`].join('\\t');
}

/**
 * Every dyno server's health check: a connect every 2 s, out of rotation after five failures
 * (a dyno that merely refuses for a few seconds still answers H21, its requests retried first),
 * back after one success.
 */
export const HEALTH_CHECK = 'check inter 2s fall 5 rise 1';

/** Heroku's rolling window: a WebSocket with no byte either way for this long is closed. */
const ROLLING_WINDOW_MS = 55_000;

/** The public HTTPS listener's frontend: its requests log `protocol=https`. */
export const HTTPS_FRONTEND = 'public-https';

/** What the frontend of a space's internal HTTPS listener is named after (a space id follows). */
const INTERNAL_HTTPS_PREFIX = 'internal-https-';

/** True for the frontends of HTTPS listeners, public or internal: their requests log `protocol=https`. */
export function isHttpsFrontend(name: string): boolean {
  return name === HTTPS_FRONTEND || name.startsWith(INTERNAL_HTTPS_PREFIX);
}

/** The ring buffer HAProxy logs requests into. */
export const LOG_RING = 'cove-log';

/** The backend of requests whose Host is no app on that listener. */
export const UNKNOWN_HOST_BACKEND = 'unknown-host';

export function appBackend(appId: string): string {
  return `app-${appId}`;
}

/** The name of an app backend's server slot `index` (0-based). */
export function slotName(index: number): string {
  return `s${index + 1}`;
}

/**
 * How many server slots a backend with `servers` routed dynos gets: room to start as many
 * again (a rolling restart, a scale-up) without a new HAProxy process. A slot takes another
 * dyno once its old one has left (ServerSlots); only a scale-up beyond the slots needs a new
 * process.
 */
export function slotCount(servers: number): number {
  return Math.max(8, 4 * servers);
}

const HOST_LOOKUP = 'req.hdr(host),lower,field(1,:)';

/** The hand-off socket of a frontend (short: a socket path has at most 107 bytes). */
export function handoffSocket(dir: string, frontend: string): string {
  return `${dir}/ho-${createHash('sha256').update(frontend).digest('hex').slice(0, 10)}.sock`;
}

function handoffBackend(frontend: string): string {
  return `handoff-${frontend}`;
}

/** A frontend's bind line for requests handed off by a finishing process, and its use_backend rule there. */
function handoff(frontend: string, dir: string | null): { bind: string[]; use: string[]; backend: string[] } {
  if (dir === null) return { bind: [], use: [], backend: [] };
  const socket = handoffSocket(dir, frontend);
  return {
    bind: [`  bind unix@${socket} mode 600 accept-proxy`],
    use: [`  use_backend ${handoffBackend(frontend)} if { var(txn.handoff) -m bool }`],
    backend: [`backend ${handoffBackend(frontend)}`, `  server next unix@${socket} send-proxy-v2`, ''],
  };
}

function requestRules(proto: 'http' | 'https', hairpins: readonly string[] = []): string[] {
  return [
    // A finishing process hands what it reads now to the process that replaced it (`handoff`),
    // leaving the request as it came (no Via of its own) and logging nothing of it.
    '  http-request set-var(txn.handoff) bool(1) if { stopping }',
    '  http-request set-log-level silent if { var(txn.handoff) -m bool }',
    // A finishing process logs at "notice", which also goes out as a datagram (see `renderHaproxy`).
    '  http-request set-log-level notice if { stopping } !{ var(txn.handoff) -m bool }',
    '  http-response set-log-level notice if { stopping } !{ var(txn.handoff) -m bool }',
    // The start of the request's service time (see `logFormat`).
    '  http-request set-var(txn.t0) date(0,ms)',
    '  capture request header Host len 255',
    '  capture request header X-Forwarded-For len 255',
    ...hairpins,
    // Heroku keeps a client's X-Request-Id of 20–200 such characters and replaces anything else.
    '  http-request set-header X-Request-Id %[uuid()] unless { req.hdr(x-request-id) -m reg ^[A-Za-z0-9+/=-]{20,200}$ }',
    '  http-request set-var(txn.rid) req.hdr(x-request-id)',
    '  http-request set-header X-Request-Start %[date(0,ms)]',
    `  http-request set-header X-Forwarded-Proto ${proto}`,
    '  http-request set-header X-Forwarded-Port %[dst_port]',
    '  http-request add-header Via "1.1 cove" unless { var(txn.handoff) -m bool }',
    '  http-after-response set-header X-Request-Id %[var(txn.rid)]',
    // The slot that answered, which names the dyno in the log line (none: HAProxy answered alone).
    '  http-after-response set-var(txn.slot) srv_name',
    '  http-after-response add-header Via "1.1 cove" unless { var(txn.handoff) -m bool }',
  ];
}

/** The pattern file (inside `mapsDir`) of an allow-only ruleset; changed at run time. */
function trustedFile(which: 'space' | 'app', id: string): string {
  return `trusted-${which}-${id}.acl`;
}

/**
 * `http-request` lines that block requests the rules do not allow (first match wins), in a
 * public app's backend, which only the public listeners route to. `which` names the verdict
 * variable, so the space's and the app's rulesets both apply. A ruleset of allow rules only
 * (Heroku's trusted IP ranges; none at all blocks everything) is one pattern file that changes
 * at run time; one with deny rules is written out in order.
 */
function trustRules(rules: readonly RouteRule[], which: 'space' | 'app', id: string, paths: { pagesDir: string; mapsDir: string }, maps: Map<string, string>): string[] {
  const v = `txn.blocked_${which}`;
  const refuse = [
    `  http-request set-var(txn.code) str(${which === 'space' ? 'blocked' : 'blocked-app'}) if { var(${v}) -m int 1 }`,
    `  http-request return status 403 content-type "text/html; charset=utf-8" file ${paths.pagesDir}/blocked.html hdr Cache-Control no-store if { var(${v}) -m int 1 }`,
  ];
  if (rules.every((r) => r.action === 'allow')) {
    const file = trustedFile(which, id);
    maps.set(file, rules.map((r) => `${r.source}\n`).join(''));
    return [`  http-request set-var(${v}) int(1) unless { src -f ${paths.mapsDir}/${file} }`, ...refuse];
  }
  // Evaluated last to first, so the first matching rule's verdict is the one left standing.
  const lines = [`  http-request set-var(${v}) int(1)`];
  for (const rule of [...rules].reverse()) {
    lines.push(`  http-request set-var(${v}) int(${rule.action === 'allow' ? 0 : 1}) if { src ${rule.source} }`);
  }
  return [...lines, ...refuse];
}

/**
 * Whether a file of `RenderedHaproxy.maps` can change in a serving process through the admin
 * socket, and how: host maps (`add/set/del map`), caller lists and allow-only rulesets
 * (`add/del acl`). Every other file (certificates) is read at start only.
 */
export function runtimeFileKind(name: string): 'map' | 'acl' | null {
  if (name === 'public.map' || (name.startsWith('internal-') && name.endsWith('.map'))) return 'map';
  return (name.startsWith('callers-') || name.startsWith('trusted-')) && name.endsWith('.acl') ? 'acl' : null;
}

/** A runtime file's entries: map key → value, or acl pattern → "". */
export function runtimeFileEntries(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const space = line.indexOf(' ');
    entries.set(space < 0 ? line : line.slice(0, space), space < 0 ? '' : line.slice(space + 1));
  }
  return entries;
}

/** The ruleset of a public app (or space) without one. */
const ALLOW_ALL: readonly RouteRule[] = [{ action: 'allow', source: '0.0.0.0/0' }];

/** The caller pattern of an internal app without a caller list. */
const ANY_CALLER = '0.0.0.0/0';

/** The pattern file (inside `mapsDir`) of an internal app's allowed caller addresses; changed at run time. */
function callerFile(appId: string): string {
  return `callers-${appId}.acl`;
}

/**
 * `http-request` lines that refuse an internal app's callers outside its caller list. On the
 * internal listener the source is the calling dyno's private IP (dynos reach the internal
 * address inside their space, with no NAT), so the list is one pattern file of addresses.
 */
function callerRules(app: RouteApp, pagesDir: string, mapsDir: string, maps: Map<string, string>): string[] {
  if (!app.internal) return [];
  const file = callerFile(app.appId);
  // Without a list every caller that reaches the internal address may call: one pattern that
  // matches all, so that setting and clearing a list are changes at run time too.
  maps.set(file, (app.allowedCallers ?? [ANY_CALLER]).map((ip) => `${ip}\n`).join(''));
  return [
    `  acl caller_allowed src -f ${mapsDir}/${file}`,
    '  http-request set-var(txn.code) str(blocked-caller) if !caller_allowed',
    `  http-request return status 403 content-type "text/html; charset=utf-8" file ${pagesDir}/caller-not-allowed.html hdr Cache-Control no-store if !caller_allowed`,
  ];
}

function backend(app: NamespacedRouteApp, pagesDir: string, mapsDir: string, maps: Map<string, string>, slotsOf: HaproxyConfigOptions['slots']): string[] {
  // Health checks (a TCP connect, from the server's namespace like its connections) take a
  // crashed dyno out of rotation within about two seconds even while the control plane is down.
  const lines = [`backend ${appBackend(app.appId)}`, '  balance roundrobin', '  option forwardfor', `  default-server ${HEALTH_CHECK}`];
  const paths = { pagesDir, mapsDir };
  // Without a ruleset, one pattern that lets every address in: a ruleset of allow rules coming
  // or going is then a change at run time (only deny rules need a new configuration).
  if (!app.internal) lines.push(...trustRules(app.inboundRules ?? ALLOW_ALL, 'space', app.spaceId ?? app.appId, paths, maps));
  if (!app.internal) lines.push(...trustRules(app.appInboundRules ?? ALLOW_ALL, 'app', app.appId, paths, maps));
  lines.push(...callerRules(app, pagesDir, mapsDir, maps));
  // With no dyno in service HAProxy answers 503 itself (its `errorfile`, the "Application error"
  // page) and logs no server; the log reader names it H10 or H14.
  const slots = slotsOf?.get(app.appId) ?? [...app.servers, ...Array<null>(slotCount(app.servers.length) - app.servers.length).fill(null)];
  for (const [i, s] of slots.entries()) {
    lines.push(
      s === null
        ? `  server ${slotName(i)} 0.0.0.0:0 namespace ${app.namespace} disabled`
        : `  server ${slotName(i)} ${s.address}:${s.port} namespace ${app.namespace}`,
    );
  }
  return lines;
}

/** The certificate list (inside `mapsDir`) of the public HTTPS listener. */
const PUBLIC_CRT_LIST = 'crt-list.txt';

/** The certificate list (inside `mapsDir`) of a space's internal HTTPS listener. */
function internalCrtList(spaceId: string): string {
  return `crt-list-internal-${spaceId}.txt`;
}

/**
 * Writes the certificates and the crt-list of every HTTPS listener into `maps`. Each list starts
 * with the default certificate (Cove's, for `<app>.<domain>`), which HAProxy serves to clients
 * whose SNI matches no other, then the SNI certificates of the apps that listener routes: a
 * public app's on the public listener, an internal app's on its own space's internal listener
 * only. Routing goes by the Host header and each listener's own host map, so a certificate never
 * makes a host reachable; keeping it to its listener also keeps an app's certificate (and the
 * names in it) from being shown to callers of another space, or to the internet.
 */
function writeCertificates(feed: NamespacedRouteFeed, defaultCertificate: string, mapsDir: string, maps: Map<string, string>): void {
  const apps = new Map(feed.apps.map((a) => [a.appId, a]));
  const publicIds = ['default'];
  const internalIds = new Map<string, string[]>();
  maps.set('cert-default.pem', defaultCertificate);
  for (const cert of feed.certificates ?? []) {
    const app = apps.get(cert.appId);
    if (app === undefined) continue;
    maps.set(`cert-${cert.id}.pem`, cert.pem);
    if (!app.internal) publicIds.push(cert.id);
    else if (app.spaceId !== null) internalIds.set(app.spaceId, [...(internalIds.get(app.spaceId) ?? []), cert.id]);
  }
  const list = (ids: readonly string[]): string => ids.map((id) => `${mapsDir}/cert-${id}.pem`).join('\n') + '\n';
  maps.set(PUBLIC_CRT_LIST, list(publicIds));
  for (const space of feed.spaces) {
    if (space.internalAddress !== null) maps.set(internalCrtList(space.spaceId), list(['default', ...(internalIds.get(space.spaceId) ?? [])]));
  }
}

/** The whole configuration for a feed. */
export function renderHaproxy(feed: NamespacedRouteFeed, options: HaproxyConfigOptions): RenderedHaproxy {
  const pages = options.pagesDir;
  const maps = new Map<string, string>();
  const publicMap: string[] = [];
  const internalMaps = new Map<string, string[]>();
  for (const app of feed.apps) {
    for (const host of app.hostnames) {
      const line = `${host} ${appBackend(app.appId)}`;
      if (!app.internal) publicMap.push(line);
      else if (app.spaceId !== null) internalMaps.set(app.spaceId, [...(internalMaps.get(app.spaceId) ?? []), line]);
    }
  }
  maps.set('public.map', publicMap.join('\n') + '\n');
  // A dyno calling a public app arrives masqueraded to its space's transit address: it is seen
  // (trusted IPs, X-Forwarded-For, logs) as the space's outbound IP, as on Heroku.
  const hairpins = feed.spaces.flatMap((s) =>
    s.transitAddress == null || s.outboundIp == null ? [] : [`  http-request set-src ipv4(${s.outboundIp}) if { src ${s.transitAddress} }`],
  );

  const lines: string[] = [
    'global',
    ...(options.threads == null ? [] : [`  nbthread ${options.threads}`]),
    `  log ring@${LOG_RING} len 8192 format raw local0`,
    `  log 127.0.0.1:${options.finishingLogPort} len 8192 format raw local0 notice`,
    `  stats socket ${options.statsSocket} mode 600 level admin expose-fd listeners`,
    `  hard-stop-after ${options.hardStopAfterSeconds ?? 30}s`,
    '',
    // Requests log into a memory ring that HAProxy forwards over one TCP connection in batches:
    // no system call per request, and a slow or absent reader loses the oldest lines, never
    // delays a request (measured: a UDP datagram per request was most of the CPU HAProxy spent
    // above nginx). A process told to finish closes its forwarder at once, so the requests it
    // still completes log at "notice" (see `requestRules`), which the second `log` line sends
    // as datagrams.
    `ring ${LOG_RING}`,
    '  format raw',
    '  maxlen 8192',
    '  size 4194304',
    '  timeout connect 5s',
    '  timeout server 30s',
    `  server cove 127.0.0.1:${options.logPort}`,
    '',
    'defaults',
    '  mode http',
    '  log global',
    `  log-format "${logFormat(options.mapsDir)}"`,
    '  option dontlognull',
    // X-Forwarded-For is added by app backends only: a request handed off (`handoff`) gets it
    // once, from the process that serves it.
    // A connection that fails at once is retried on the same dyno after HAProxy's 1 s turn-around,
    // and on another dyno at the last attempt: a dyno that refuses costs a retry, not an error.
    '  option redispatch',
    // A process told to finish keeps its idle keep-alive connections until their next request,
    // which it hands to the new process (`handoff`: it cannot connect into a space any more),
    // and closes each after that answer: a client never sees its idle connection closed under
    // a request it is sending.
    // A client that goes away before its answer ends the request (H27, as on Heroku) instead of
    // leaving it to run against the dyno until the first-byte timeout (logged as an H12).
    '  option abortonclose',
    '  option idle-close-on-response',
    '  retries 3',
    `  timeout connect ${options.connectTimeoutMs ?? 5000}ms`,
    '  timeout client 60s',
    '  timeout http-request 30s',
    '  timeout http-keep-alive 60s',
    // HAProxy 2.6 has one server-side inactivity timeout for a whole HTTP exchange (no
    // `http-response set-timeout`), so 30 s to the first byte also bounds every later silence
    // of a response. Upgraded connections (WebSockets) get Heroku's rolling 55 s window.
    `  timeout server ${options.firstByteTimeoutMs ?? 30_000}ms`,
    `  timeout tunnel ${ROLLING_WINDOW_MS}ms`,
    '  timeout queue 30s',
    `  errorfile 502 ${pages}/502.http`,
    `  errorfile 503 ${pages}/503.http`,
    `  errorfile 504 ${pages}/504.http`,
    '',
    'frontend public-http',
    `  bind ${options.http.host}:${options.http.port}`,
    ...requestRules('http', hairpins),
    `  use_backend %[${HOST_LOOKUP},map(${options.mapsDir}/public.map,${UNKNOWN_HOST_BACKEND})]`,
    '',
  ];
  const handoffDir = options.handoffDir ?? null;
  const handoffBackends: string[] = [];
  const withHandoff = (frontend: string, at: number): void => {
    const h = handoff(frontend, handoffDir);
    lines.splice(at, 0, ...h.bind);
    const mapRule = lines.findLastIndex((l) => l.startsWith('  use_backend %['));
    lines.splice(mapRule, 0, ...h.use);
    handoffBackends.push(...h.backend);
  };
  withHandoff('public-http', lines.indexOf(`  bind ${options.http.host}:${options.http.port}`) + 1);
  if (options.https !== null) {
    writeCertificates(feed, options.https.defaultCertificate, options.mapsDir, maps);
    lines.push(
      `frontend ${HTTPS_FRONTEND}`,
      `  bind ${options.https.host}:${options.https.port} ssl crt-list ${options.mapsDir}/${PUBLIC_CRT_LIST} alpn http/1.1`,
      ...requestRules('https', hairpins),
      `  use_backend %[${HOST_LOOKUP},map(${options.mapsDir}/public.map,${UNKNOWN_HOST_BACKEND})]`,
      '',
    );
    withHandoff(HTTPS_FRONTEND, lines.indexOf(`frontend ${HTTPS_FRONTEND}`) + 2);
  }
  for (const space of feed.spaces) {
    if (space.internalAddress === null) continue;
    const file = `internal-${space.spaceId}.map`;
    maps.set(file, (internalMaps.get(space.spaceId) ?? []).join('\n') + '\n');
    const route = `  use_backend %[${HOST_LOOKUP},map(${options.mapsDir}/${file},${UNKNOWN_HOST_BACKEND})]`;
    lines.push(
      `frontend internal-${space.spaceId}`,
      `  bind ${space.internalAddress}:80 namespace ${space.namespace}`,
      ...requestRules('http'),
      route,
      '',
    );
    withHandoff(`internal-${space.spaceId}`, lines.indexOf(`frontend internal-${space.spaceId}`) + 2);
    // HTTPS as on the public listener, with the same host map: the backends (caller lists,
    // H-codes, logs) are the app's own whichever listener a request came in on.
    if (options.https === null) continue;
    const https = `${INTERNAL_HTTPS_PREFIX}${space.spaceId}`;
    lines.push(
      `frontend ${https}`,
      `  bind ${space.internalAddress}:443 namespace ${space.namespace} ssl crt-list ${options.mapsDir}/${internalCrtList(space.spaceId)} alpn http/1.1`,
      ...requestRules('https'),
      route,
      '',
    );
    withHandoff(https, lines.indexOf(`frontend ${https}`) + 2);
  }
  if (options.metricsPort !== undefined && options.metricsPort !== null) {
    lines.push(
      'frontend metrics',
      `  bind 127.0.0.1:${options.metricsPort}`,
      '  no log',
      '  http-request use-service prometheus-exporter if { path /metrics }',
      '',
    );
  }
  lines.push(
    ...handoffBackends,
    `backend ${UNKNOWN_HOST_BACKEND}`,
    // A request for no app is nobody's router line.
    '  http-request set-log-level silent',
    `  http-request return status 404 content-type "text/html; charset=utf-8" file ${pages}/no-such-app.html hdr Cache-Control no-store`,
    '',
  );
  for (const app of feed.apps) lines.push(...backend(app, pages, options.mapsDir, maps, options.slots), '');
  const slotsOf = options.slots ?? new Map(feed.apps.map((a) => [a.appId, a.servers]));
  maps.set(DYNO_MAP, [...dynoMapEntries(slotsOf)].map(([key, name]) => `${key} ${name}\n`).join(''));
  return { config: lines.join('\n'), maps };
}

const APPLICATION_ERROR = `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><title>Application Error</title></head>
  <body>
    <h1>Application error</h1>
    <p>An error occurred in the application and your page could not be served. If you are the
    application owner, check your logs for details: <code>cove logs --tail</code></p>
  </body>
</html>
`;

const NO_SUCH_APP = `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><title>No such app</title></head>
  <body>
    <h1>There's nothing here, yet.</h1>
    <p>No app is routed at this address.</p>
  </body>
</html>
`;

const BLOCKED = `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><title>Forbidden</title></head>
  <body>
    <h1>Forbidden</h1>
    <p>Your address is not in this space's trusted IP ranges.</p>
  </body>
</html>
`;

const CALLER_NOT_ALLOWED = `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><title>Forbidden</title></head>
  <body>
    <h1>Forbidden</h1>
    <p>The calling app is not on this app's list of allowed callers.</p>
  </body>
</html>
`;

function rawResponse(status: string, body: string): string {
  return [
    `HTTP/1.1 ${status}`,
    'Content-Type: text/html; charset=utf-8',
    'Cache-Control: no-cache, no-store',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** The files `pagesDir` holds: Heroku-like error pages (every router error is a 503 there). */
export function errorPages(): ReadonlyMap<string, string> {
  return new Map([
    ['application-error.html', APPLICATION_ERROR],
    ['no-such-app.html', NO_SUCH_APP],
    ['blocked.html', BLOCKED],
    ['caller-not-allowed.html', CALLER_NOT_ALLOWED],
    ['502.http', rawResponse('503 Service Unavailable', APPLICATION_ERROR)],
    ['503.http', rawResponse('503 Service Unavailable', APPLICATION_ERROR)],
    ['504.http', rawResponse('503 Service Unavailable', APPLICATION_ERROR)],
  ]);
}
