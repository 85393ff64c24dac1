/**
 * Opens listening sockets inside a network namespace for a process that lives outside it.
 * Node cannot `setns`, so a short-lived helper runs under `ip netns exec NS`, binds there and
 * passes the bound handles back over its IPC channel (findings §1): the kernel keeps a socket in
 * the namespace it was created in, whoever later holds its descriptor. The helper closes its
 * own copies once they are sent (otherwise both processes would read from them) and exits when
 * the parent, holding every socket it asked for, disconnects.
 */
import { spawn } from 'node:child_process';
import type dgram from 'node:dgram';
import type net from 'node:net';
import { RuntimeError } from './errors.js';

export interface NetnsListenRequest {
  readonly address: string;
  readonly port: number;
  readonly udp: boolean;
  readonly tcp: boolean;
}

export interface NetnsSockets {
  readonly udp?: dgram.Socket;
  readonly tcp?: net.Server;
}

/** Runs inside the namespace: argv is address, port, "1"/"0" for UDP, "1"/"0" for TCP. */
const HELPER = `
const dgram = require('node:dgram'), net = require('node:net');
const [address, port, wantUdp, wantTcp] = process.argv.slice(1);
const bound = [];
const send = (msg, handle) => new Promise((resolve, reject) => process.send(msg, handle, (e) => (e ? reject(e) : resolve())));
(async () => {
  if (wantUdp === '1') {
    const s = dgram.createSocket('udp4');
    await new Promise((resolve, reject) => { s.once('error', reject); s.bind(Number(port), address, resolve); });
    bound.push(['udp', s]);
  }
  if (wantTcp === '1') {
    const s = net.createServer();
    await new Promise((resolve, reject) => { s.once('error', reject); s.listen({ port: Number(port), host: address, backlog: 511 }, resolve); });
    bound.push(['tcp', s]);
  }
  for (const [kind, s] of bound) await send({ type: kind }, s);
  // The parent holds its copies once it has them all, and disconnects.
  for (const [, s] of bound) s.close();
  process.on('disconnect', () => process.exit(0));
})().catch((e) => process.send({ type: 'error', message: String(e && e.message), code: e && e.code }, () => process.exit(1)));
`;

interface HelperMessage {
  readonly type: 'udp' | 'tcp' | 'error';
  readonly message?: string;
  readonly code?: string;
}

/** Binds `request` inside netns `ns` and returns the bound sockets (the caller owns them). */
export function listenInNetns(ns: string, request: NetnsListenRequest, timeoutMs = 10_000): Promise<NetnsSockets> {
  const argv = ['netns', 'exec', ns, process.execPath, '-e', HELPER, request.address, String(request.port), request.udp ? '1' : '0', request.tcp ? '1' : '0'];
  const what = `${request.address}:${request.port} in "${ns}"`;
  return new Promise((resolve, reject) => {
    const child = spawn('ip', argv, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    const got: { udp?: dgram.Socket; tcp?: net.Server } = {};
    let settled = false;
    const fail = (message: string, exitCode: number | null = null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      got.udp?.close();
      got.tcp?.close();
      child.kill('SIGKILL');
      reject(new RuntimeError('LISTEN_FAILED', `Cannot listen on ${what}: ${message}`, { argv: ['ip', 'netns', 'exec', ns, 'node', '-e', '…'], exitCode, stderr: stderr.slice(-2000) }));
    };
    const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => fail(error.message));
    child.on('message', (msg: HelperMessage, handle: unknown) => {
      if (msg.type === 'udp') got.udp = handle as dgram.Socket;
      else if (msg.type === 'tcp') got.tcp = handle as net.Server;
      else if (msg.type === 'error') fail(msg.code === undefined ? (msg.message ?? 'unknown error') : `${msg.code} ${msg.message ?? ''}`.trim());
      if (!settled && (got.udp !== undefined) === request.udp && (got.tcp !== undefined) === request.tcp) {
        settled = true;
        clearTimeout(timer);
        child.disconnect();
        resolve(got);
      }
    });
    // 'close', not 'exit': messages still in flight on the IPC channel arrive before it.
    child.on('close', (code) => fail(stderr.trim() === '' ? `helper exited with code ${code}` : stderr.trim(), code));
  });
}
