/**
 * Turns HAProxy's request log (the tab-separated `LOG_FIELDS`) into Heroku's router log line:
 *
 *   at=info method=GET path="/" host=api.apps.test request_id=… fwd="203.0.113.100"
 *   dyno=web.1 connect=0ms service=3ms status=200 bytes=278 protocol=http
 *
 * and, for failures, `at=error code=H12 desc="Request timeout" …` with status 503, the way
 * Heroku's router reports them. Pure: one log line in, one Heroku line (or null) out.
 */
import { isHttpsFrontend, LOG_FIELDS } from './haproxy-config.js';

export interface RouterLogEntry {
  readonly appId: string;
  /** The Heroku line, without the `heroku[router]:` prefix. */
  readonly message: string;
  /** The status the client got. */
  readonly status: number;
  /** Total time in ms, for the metrics. */
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

function num(text: string | undefined): number {
  const n = Number(text);
  return Number.isFinite(n) ? n : -1;
}

/** The inside of a double-quoted value: `"` and `\` escaped. */
function escaped(value: string): string {
  return value.includes('"') || value.includes('\\') ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : value;
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
  const fields = (line.endsWith('\n') ? line.slice(0, -1) : line).split('\t');
  if (fields.length !== LOG_FIELDS.length) return null;
  const [client, frontend, method, statusText, bytesText, connectText, activeText, backend, server, termination, rid, code, xff, hostHeader, path, address, stopping, identity] =
    fields as [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
  if (!backend.startsWith(BACKEND_PREFIX)) return null;
  const appId = backend.slice(BACKEND_PREFIX.length);
  const haproxyStatus = num(statusText);
  const connect = Math.max(0, num(connectText));
  const active = Math.max(0, num(activeText));
  const service = Math.max(0, active - connect);
  const colon = hostHeader.indexOf(':');
  const host = hostHeader === '-' ? '' : colon < 0 ? hostHeader : hostHeader.slice(0, colon);
  const fwd = xff === '-' || xff === '' ? client : `${xff}, ${client}`;
  const noServer = server === '<NOSRV>' || server === '-';
  const dyno = noServer ? '' : (context.dynoAt?.(appId, address) ?? '');
  const requestId = rid === '-' ? '' : rid;
  const protocol = isHttpsFrontend(frontend) ? 'https' : 'http';

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
  // One join, into one flat string: this runs for every request the router serves, and the
  // line stays in memory a while (the log buffer). A template literal of this many parts
  // builds a string per part; measured here, a join took about half the time.
  const head = desc === null ? 'at=info' : errorCode === null ? 'at=error desc="' : `at=error code=${errorCode} desc="`;
  const message = [
    head, desc === null ? '' : `${escaped(desc)}"`,
    ' method=', method, ' path="', escaped(path), '" host=', host, ' request_id=', requestId, ' fwd="', escaped(fwd), '" dyno=', dyno,
    ' connect=', connect, 'ms service=', service, 'ms status=', status, ' bytes=', Math.max(0, num(bytesText)), ' protocol=', protocol,
  ].join('');
  return { appId, message, status, serviceMs: service, code: errorCode, duplicateKey: stopping === '1' ? identity : null };
}
