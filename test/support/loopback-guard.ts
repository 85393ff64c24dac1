/**
 * The suite's network guard (the machine's safety rule: tests talk only to loopback, or to
 * namespaces they build inside their own sandbox). scripts/test preloads it into every test
 * process (`node --test --import`), and it puts itself into NODE_OPTIONS so every Node process
 * a test starts (cove server, the DNS and drain children, the cove and heroku CLIs) loads it
 * too. Outside a sandbox, any TCP connection, UDP datagram or name lookup aimed anywhere but
 * loopback is refused and reported on stderr, so a test fails loudly instead of reaching out.
 * Inside a test's `unshare --net` sandbox (COVE_TEST_SANDBOX=1) it does nothing: there the
 * kernel already confines every packet to the sandbox's own namespaces.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

/** Matched by test/support/heroku-cli.ts. */
const LOOPBACK_GUARD_MARK = 'cove-loopback-guard: blocked';

const LOOPBACK = /^(localhost|[a-z0-9-]+\.localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|\[::1\])$/i;

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

function report(what: string): Error {
  process.stderr.write(`${LOOPBACK_GUARD_MARK} ${what}\n`);
  return new Error(`${LOOPBACK_GUARD_MARK} ${what}`);
}

function install(): void {
  const self = import.meta.url;
  const options = process.env['NODE_OPTIONS'] ?? '';
  if (!options.includes(self)) process.env['NODE_OPTIONS'] = `${options} --import ${self}`.trim();

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    const host = target.host ?? 'localhost';
    // http and tls pass `path: null` for TCP; unix sockets are left alone.
    if ((target.path === undefined || target.path === null) && !LOOPBACK.test(host)) {
      const error = report(`tcp ${host}:${String(target.port)}`);
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;

  const send = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
    // send(msg, [offset, length,] port, address[, callback]): the address is the first string after the message.
    const address = args.slice(1).find((a) => typeof a === 'string');
    if (typeof address === 'string' && !LOOPBACK.test(address)) {
      const error = report(`udp ${address}`);
      const callback = args.at(-1);
      if (typeof callback === 'function') process.nextTick(() => (callback as (e: Error) => void)(error));
      return;
    }
    (send as (...a: unknown[]) => void).apply(this, args);
  } as typeof dgram.Socket.prototype.send;

  const lookup = dns.lookup;
  const guardedLookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    if (typeof hostname === 'string' && net.isIP(hostname) === 0 && !LOOPBACK.test(hostname)) {
      const error = Object.assign(report(`lookup ${hostname}`), { code: 'ENOTFOUND' });
      const callback = rest.at(-1);
      if (typeof callback === 'function') process.nextTick(() => (callback as (e: Error) => void)(error));
      return undefined;
    }
    return (lookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  };
  dns.lookup = guardedLookup as typeof dns.lookup;
}

if (process.env['COVE_TEST_SANDBOX'] !== '1') install();
