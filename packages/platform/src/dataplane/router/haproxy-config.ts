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
 * in a tab-separated format that `parseRouterLog()` turns into a Heroku `heroku[router]` line.
 */
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
export const LOG_FIELDS = [
  '%ci', // client address
  '%f', // frontend name (`isHttpsFrontend()`: the request came over HTTPS)
  '%HM', // method
  '%ST', // status as HAProxy saw it
  '%B', // bytes to the client
  '%Tc', // connect time to the dyno
  '%Ta', // active time of the request
  '%b', // backend (app-<appId>)
  '%s', // server slot (s1, s2, …)
  '%tsc', // termination state
  '%[var(txn.rid)]', // request id
  '%[var(txn.code)]', // H10, H14, blocked, blocked-app, blocked-caller, unknown
  '%[capture.req.hdr(1)]', // X-Forwarded-For as received
  '%[capture.req.hdr(0)]', // Host
  '%HU', // path as requested
  '%si:%sp', // the dyno's address, which names the dyno (slots are refilled at run time)
  '%[stopping]', // 1 in a process finishing after a reload (its line may arrive twice)
  '%pid.%rt', // the line's identity: process and request counter
] as const;

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

function requestRules(proto: 'http' | 'https', hairpins: readonly string[] = []): string[] {
  return [
    // A finishing process logs at "notice", which also goes out as a datagram (see `renderHaproxy`).
    '  http-request set-log-level notice if { stopping }',
    '  http-response set-log-level notice if { stopping }',
    '  capture request header Host len 255',
    '  capture request header X-Forwarded-For len 255',
    ...hairpins,
    // Heroku keeps a client's X-Request-Id of 20–200 such characters and replaces anything else.
    '  http-request set-header X-Request-Id %[uuid()] unless { req.hdr(x-request-id) -m reg ^[A-Za-z0-9+/=-]{20,200}$ }',
    '  http-request set-var(txn.rid) req.hdr(x-request-id)',
    '  http-request set-header X-Request-Start %[date(0,ms)]',
    `  http-request set-header X-Forwarded-Proto ${proto}`,
    '  http-request set-header X-Forwarded-Port %[dst_port]',
    '  http-request add-header Via "1.1 cove"',
    '  http-after-response set-header X-Request-Id %[var(txn.rid)]',
    '  http-after-response add-header Via "1.1 cove"',
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
  const lines = [`backend ${appBackend(app.appId)}`, '  balance roundrobin'];
  const paths = { pagesDir, mapsDir };
  if (app.inboundRules !== null && !app.internal) lines.push(...trustRules(app.inboundRules, 'space', app.spaceId ?? app.appId, paths, maps));
  if (app.appInboundRules != null && !app.internal) lines.push(...trustRules(app.appInboundRules, 'app', app.appId, paths, maps));
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
    `  log-format "${LOG_FIELDS.join('\\t')}"`,
    '  option dontlognull',
    '  option forwardfor',
    // A connection that fails at once is retried on the same dyno after HAProxy's 1 s turn-around,
    // and on another dyno at the last attempt: a dyno that refuses costs a retry, not an error.
    '  option redispatch',
    // No `option idle-close-on-response`: a process told to finish closes its idle keep-alive
    // connections at once, so that their clients come back to the new process. Kept open, the
    // next request on one would be the old process's to answer, and a process that is finishing
    // cannot open connections into a space (HAProxy closes its namespace descriptors): once the
    // dyno had closed the idle connection behind it (Node does after 5 s), that was an H21.
    // A client that goes away before its answer ends the request (H27, as on Heroku) instead of
    // leaving it to run against the dyno until the first-byte timeout (logged as an H12).
    '  option abortonclose',
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
  if (options.https !== null) {
    writeCertificates(feed, options.https.defaultCertificate, options.mapsDir, maps);
    lines.push(
      `frontend ${HTTPS_FRONTEND}`,
      `  bind ${options.https.host}:${options.https.port} ssl crt-list ${options.mapsDir}/${PUBLIC_CRT_LIST} alpn http/1.1`,
      ...requestRules('https', hairpins),
      `  use_backend %[${HOST_LOOKUP},map(${options.mapsDir}/public.map,${UNKNOWN_HOST_BACKEND})]`,
      '',
    );
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
    // HTTPS as on the public listener, with the same host map: the backends (caller lists,
    // H-codes, logs) are the app's own whichever listener a request came in on.
    if (options.https === null) continue;
    lines.push(
      `frontend ${INTERNAL_HTTPS_PREFIX}${space.spaceId}`,
      `  bind ${space.internalAddress}:443 namespace ${space.namespace} ssl crt-list ${options.mapsDir}/${internalCrtList(space.spaceId)} alpn http/1.1`,
      ...requestRules('https'),
      route,
      '',
    );
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
    `backend ${UNKNOWN_HOST_BACKEND}`,
    '  http-request set-var(txn.code) str(unknown)',
    `  http-request return status 404 content-type "text/html; charset=utf-8" file ${pages}/no-such-app.html hdr Cache-Control no-store`,
    '',
  );
  for (const app of feed.apps) lines.push(...backend(app, pages, options.mapsDir, maps, options.slots), '');
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
