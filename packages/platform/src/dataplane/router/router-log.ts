/**
 * Routes HAProxy's request log lines (`logFormat`) to apps. HAProxy writes the Heroku router
 * line itself:
 *
 *   at=info method=GET path="/" host=api.apps.test request_id=… fwd="203.0.113.100"
 *   dyno=web.1 connect=0ms service=3ms status=200 bytes=278 protocol=http
 *
 * so a request that ended normally costs a tag split off and a marker compared. The others
 * (`at=error code=H12 desc="Request timeout" …` with status 503, blocked requests, upgrades,
 * lines of a finishing process) need HAProxy's termination state, which 2.6 cannot turn into a
 * code itself: those lines are rebuilt here, the way Heroku's router reports them. Pure: one
 * log line in, one entry (or null) out.
 */
import { NORMAL_END } from './haproxy-config.js';

export interface RouterLogEntry {
  readonly appId: string;
  /** The Heroku line, without the `heroku[router]:` prefix. */
  readonly message: string;
  /** The status the client got. */
  readonly status: number;
  /** Service time in ms (see `logFormat`), for the metrics. */
  readonly serviceMs: number;
  /** Heroku error code, e.g. "H12"; null for a served request. */
  readonly code: string | null;
  /**
   * Set on lines of a HAProxy process finishing after a reload, which can arrive twice (from its
   * ring and as a datagram): the same key is the same request.
   */
  readonly duplicateKey: string | null;
}

/** Heroku's router error codes (devcenter "Heroku Error Codes"). */
export const ROUTER_ERRORS = {
  H10: 'App crashed',
  H12: 'Request timeout',
  H13: 'Connection closed without response',
  H14: 'No web processes running',
  H15: 'Idle connection',
  H18: 'Server Request Interrupted',
  H19: 'Backend connection timeout',
  H21: 'Backend connection refused',
  H27: 'Client Request Interrupted',
} as const;

export type RouterErrorCode = keyof typeof ROUTER_ERRORS;

const BACKEND_PREFIX = 'app-';

/**
 * HAProxy's termination state (first two characters: who ended the session, and in which
 * phase) → Heroku's code.
 */
function codeOf(termination: string, status: number): RouterErrorCode | null {
  const cause = termination.slice(0, 2);
  switch (cause) {
    case 'sH':
      return 'H12';
    case 'SH':
      return 'H13';
    case 'sD':
      return 'H15';
    case 'SD':
      return 'H18';
    case 'sC':
    case 'sQ':
      return 'H19';
    case 'SC':
      return 'H21';
  }
  if ((cause[0] === 'C' || cause[0] === 'c') && status !== 200) return 'H27';
  // A response HAProxy refused (PH) reached the client as its 502 page.
  return cause === 'PH' && status === 502 ? 'H13' : null;
}

/** The integer at `start` of `text` (digits with an optional minus), without a string built. */
function intAt(text: string, start: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) {
    n = n * 10 + (c - 48);
    digits++;
  }
  if (digits === 0) return -1;
  return negative ? -n : n;
}

/** What the log line alone does not say. */
export interface RouterLogContext {
  /** The dyno a server address of the app belonged to ("web.1"). */
  readonly dynoAt?: (appId: string, address: string) => string | undefined;
  /** What the app's requests get while it has no dyno in service. @default H14 */
  readonly idleCode?: (appId: string) => 'H10' | 'H14';
}

/** One HAProxy log line → the app's router line; null for lines that belong to no app. */
export function parseRouterLog(line: string, context: RouterLogContext = {}): RouterLogEntry | null {
  // app-<appId> TAB marker TAB Heroku line TAB service status connect server address identity
  if (!line.startsWith(BACKEND_PREFIX)) return null;
  const tag = line.indexOf('\t', BACKEND_PREFIX.length);
  const tail = line.lastIndexOf('\t');
  if (tag === -1 || tail <= tag) return null;
  const appId = line.slice(BACKEND_PREFIX.length, tag);
  const serviceMs = Math.max(0, intAt(line, tail + 1));
  if (line.startsWith(NORMAL_END, tag + 1) && line.charCodeAt(tag + 1 + NORMAL_END.length) === 9) {
    const status = intAt(line, line.indexOf(' ', tail) + 1);
    return { appId, message: line.slice(tag + 2 + NORMAL_END.length, tail), status, serviceMs, code: null, duplicateKey: null };
  }
  return rebuilt(line, appId, serviceMs, tag, tail, context);
}

/** A line whose request did not end normally: its code, status and dyno from HAProxy's fields. */
function rebuilt(line: string, appId: string, serviceMs: number, tag: number, tail: number, context: RouterLogContext): RouterLogEntry | null {
  const marker = line.indexOf('\t', tag + 1);
  const [, statusText, connectText, server = '-', address = '', identity = ''] = line.slice(tail + 1).split(' ');
  const end = line.slice(tag + 1, marker);
  const termination = end.slice(0, 4);
  const code = end.slice(4, -1);
  const stopping = end.endsWith('1');
  const info = line.slice(marker + 1, tail);
  // The Heroku line up to its dyno, and its last fields: dyno connect service status bytes protocol.
  const dynoAt = info.lastIndexOf(' dyno=');
  if (!info.startsWith('at=info ') || dynoAt === -1) return null;
  const [, , , , bytes = 'bytes=0', protocol = 'protocol=http'] = info.slice(dynoAt + 1).split(' ');
  const haproxyStatus = intAt(statusText ?? '', 0);
  const connect = Math.max(0, intAt(connectText ?? '', 0));
  const noServer = server === '<NOSRV>' || server === '-';
  const dyno = noServer ? '' : (context.dynoAt?.(appId, address) ?? '');

  let errorCode: RouterErrorCode | null = null;
  let desc: string | null = null;
  let status = haproxyStatus;
  if (code === 'H10' || code === 'H14') {
    errorCode = code;
  } else if (noServer && haproxyStatus === 503 && termination.startsWith('SC') && code === '-') {
    // No server in service: HAProxy's own 503.
    errorCode = context.idleCode?.(appId) ?? 'H14';
  } else if (code === 'blocked') {
    desc = "Source address not in the space's trusted IP ranges";
  } else if (code === 'blocked-app') {
    desc = "Source address not in the app's inbound ruleset";
  } else if (code === 'blocked-caller') {
    desc = 'Caller app not allowed';
  } else if (haproxyStatus === 101) {
    // An upgraded connection (a WebSocket) ends when either side closes it; only silence for
    // the whole rolling window is an error.
    errorCode = termination.startsWith('sD') || termination.startsWith('cD') ? 'H15' : null;
  } else if (code !== 'unknown') {
    errorCode = codeOf(termination, haproxyStatus);
  }
  if (errorCode !== null) {
    desc = ROUTER_ERRORS[errorCode];
    // The client of an upgraded connection got its 101.
    if (haproxyStatus !== 101) status = errorCode === 'H27' ? 499 : 503;
  }
  const head = desc === null ? 'at=info' : errorCode === null ? `at=error desc="${desc}"` : `at=error code=${errorCode} desc="${desc}"`;
  const message = `${head}${info.slice('at=info'.length, dynoAt)} dyno=${dyno} connect=${connect}ms service=${serviceMs}ms status=${status} ${bytes} ${protocol}`;
  return { appId, message, status, serviceMs, code: errorCode, duplicateKey: stopping ? identity : null };
}
