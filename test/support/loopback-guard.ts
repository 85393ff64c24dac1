/**
 * Preloaded into the heroku CLI by test/support/heroku-cli.ts (`NODE_OPTIONS=--import`): any
 * TCP connection to a host other than loopback is refused and reported on stderr, so a test
 * fails loudly instead of the CLI quietly reaching heroku.com (telemetry, particleboard, a
 * rejected HEROKU_HOST). Unix sockets are left alone.
 */
import net from 'node:net';

/** Matched by test/support/heroku-cli.ts. */
const LOOPBACK_GUARD_MARK = 'cove-loopback-guard: blocked';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|\[::1\])$/i;

type ConnectTarget = { host?: string | null; port?: number | string; path?: string | null };

function targetOf(args: unknown[]): ConnectTarget {
  const first = args[0];
  // net.connect() and friends pass an already-normalized [options, callback] array.
  if (Array.isArray(first)) return (first[0] ?? {}) as ConnectTarget;
  if (typeof first === 'object' && first !== null) return first as ConnectTarget;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { port: first, ...(typeof args[1] === 'string' ? { host: args[1] } : {}) };
  }
  return typeof first === 'string' ? { path: first } : {};
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const target = targetOf(args);
  const host = target.host ?? 'localhost';
  // http and tls pass `path: null` for TCP.
  if ((target.path === undefined || target.path === null) && !LOOPBACK.test(host)) {
    process.stderr.write(`${LOOPBACK_GUARD_MARK} ${host}:${String(target.port)}\n`);
    process.nextTick(() => this.destroy(new Error(`${LOOPBACK_GUARD_MARK} ${host}`)));
    return this;
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
