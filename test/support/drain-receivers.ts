/**
 * Real log drain receivers on loopback for tests: a syslog server (TCP or TLS) that parses
 * RFC 6587 octet-counted RFC 5424 frames, and an HTTPS server that takes Heroku's logplex
 * batches. Both keep what they received and let a test wait for a message.
 */
import { once } from 'node:events';
import { createServer as createHttpsServer } from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';

export interface SyslogMessage {
  pri: number;
  time: string;
  hostname: string;
  appName: string;
  procId: string;
  msgId: string;
  /** STRUCTURED-DATA for syslog drains; undefined for logplex frames (Heroku leaves it out). */
  structuredData: string | undefined;
  message: string;
  raw: string;
  /** When the receiver got it (Date.now()). */
  receivedAt: number;
}

export interface LogplexRequest {
  headers: Record<string, string | string[] | undefined>;
  messages: SyslogMessage[];
}

export interface Receiver {
  port: number;
  messages: SyslogMessage[];
  waitFor(predicate: (m: SyslogMessage) => boolean, what: string, timeoutMs?: number): Promise<SyslogMessage>;
  close(): Promise<void>;
}

export interface HttpsReceiver extends Receiver {
  requests: LogplexRequest[];
}

/** Splits `LEN SP MSG` frames off the front of `buffer`; returns the frames and the rest. */
export function splitOctetFrames(buffer: Buffer): { frames: string[]; rest: Buffer } {
  const frames: string[] = [];
  let rest = buffer;
  for (;;) {
    const space = rest.indexOf(0x20);
    if (space === -1) break;
    const len = Number(rest.subarray(0, space).toString('ascii'));
    if (!Number.isInteger(len) || len <= 0) throw new Error(`Bad octet count "${rest.subarray(0, space).toString()}"`);
    if (rest.length < space + 1 + len) break;
    frames.push(rest.subarray(space + 1, space + 1 + len).toString('utf8'));
    rest = rest.subarray(space + 1 + len);
  }
  return { frames, rest };
}

const RFC5424 = /^<(\d+)>1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|\[.*?\]) (.*)$/s;
const LOGPLEX = /^<(\d+)>1 (\S+) (\S+) (\S+) (\S+) (\S+) (.*)\n$/s;

export function parseSyslog(frame: string, logplex: boolean): SyslogMessage {
  const m = (logplex ? LOGPLEX : RFC5424).exec(frame);
  if (m === null) throw new Error(`Not a ${logplex ? 'logplex' : 'RFC 5424'} frame: ${JSON.stringify(frame)}`);
  return {
    pri: Number(m[1]),
    time: m[2] ?? '',
    hostname: m[3] ?? '',
    appName: m[4] ?? '',
    procId: m[5] ?? '',
    msgId: m[6] ?? '',
    structuredData: logplex ? undefined : m[7],
    message: (logplex ? m[7] : m[8]) ?? '',
    raw: frame,
    receivedAt: Date.now(),
  };
}

function waiter(messages: SyslogMessage[]): { wake(): void; waitFor: Receiver['waitFor'] } {
  const waiting = new Set<() => void>();
  return {
    wake: () => {
      for (const w of waiting) w();
    },
    waitFor: (predicate, what, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; received:\n${messages.map((m) => m.raw.trimEnd()).join('\n')}`));
        }, timeoutMs);
        const check = (): void => {
          const found = messages.find(predicate);
          if (found === undefined) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(found);
        };
        waiting.add(check);
        check();
      }),
  };
}

/** A syslog receiver; with `tls` it is `syslog+tls://` with that certificate. */
export async function syslogReceiver(options: { tls?: { cert: string; key: string } } = {}): Promise<Receiver> {
  const messages: SyslogMessage[] = [];
  const w = waiter(messages);
  const sockets = new Set<net.Socket>();
  const onSocket = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = splitOctetFrames(Buffer.concat([buffer, chunk]));
      buffer = rest;
      for (const frame of frames) messages.push(parseSyslog(frame, false));
      if (frames.length > 0) w.wake();
    });
  };
  const server = options.tls === undefined ? net.createServer(onSocket) : tls.createServer(options.tls, onSocket);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    messages,
    waitFor: w.waitFor,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An HTTPS logplex receiver answering 200 (or `status()` per request). */
export async function httpsReceiver(certificate: { cert: string; key: string }, status: () => number = () => 200): Promise<HttpsReceiver> {
  const messages: SyslogMessage[] = [];
  const requests: LogplexRequest[] = [];
  const w = waiter(messages);
  const server = createHttpsServer(certificate, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const code = status();
      if (code === 200) {
        const { frames, rest } = splitOctetFrames(Buffer.concat(chunks));
        if (rest.length > 0) throw new Error(`Trailing bytes in a logplex batch: ${rest.toString()}`);
        const parsed = frames.map((f) => parseSyslog(f, true));
        requests.push({ headers: req.headers, messages: parsed });
        messages.push(...parsed);
        w.wake();
      }
      res.writeHead(code).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    messages,
    requests,
    waitFor: w.waitFor,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
