#!/usr/bin/env node
/**
 * The DNS data-plane process, started by `DnsProcess` as `dns.js --dir <dir>`. It is reached
 * over its control channel (`<dir>/control.sock`), binds each space's sockets itself inside the
 * space's network namespace, and outlives the server that started it: it stops on a `close`
 * request, SIGTERM, or when `<dir>` disappears (the data dir was removed).
 */
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { DnsServer } from '../dataplane/dns/dns-server.js';
import { DNS_PROTOCOL, dnsPaths, type DnsControlEvent, type DnsControlRequest, type DnsHello, type DnsPlacement } from '../dataplane/dns/dns-process.js';
import { parseResolvConf, type DnsUpstream } from '../dataplane/dns/resolv-conf.js';
import { listenControl, type ControlServer } from '../shared/control-channel.js';
import { listenInNetns, type NetnsListenRequest, type NetnsSockets } from '../shared/netns-listen.js';

const dirFlag = process.argv.indexOf('--dir');
const dir = dirFlag < 0 ? undefined : process.argv[dirFlag + 1];
if (dir === undefined) {
  process.stderr.write('cove dns: usage: dns.js --dir <dir> (started by cove server)\n');
  process.exit(2);
}

let server: DnsServer | null = null;
/** Where each attached space's sockets are bound. */
const placements = new Map<string, DnsPlacement>();
let control: ControlServer | null = null;
let exiting = false;

async function hostUpstreams(): Promise<DnsUpstream[]> {
  const text = await readFile('/etc/resolv.conf', 'utf8').catch(() => '');
  return parseResolvConf(text);
}

function requireServer(): DnsServer {
  if (server === null) throw new Error('Cannot serve DNS: no init request yet');
  return server;
}

async function handle(request: DnsControlRequest): Promise<unknown> {
  switch (request.type) {
    case 'hello':
      return { protocol: DNS_PROTOCOL, pid: process.pid, initialised: server !== null, attached: [...placements.keys()] } satisfies DnsHello;
    case 'init': {
      if (server !== null) return undefined;
      server = new DnsServer({
        upstreams: request.upstreams ?? (await hostUpstreams()),
        ...(request.ttl === undefined ? {} : { ttl: request.ttl }),
        ...(request.attemptTimeoutMs === undefined ? {} : { attemptTimeoutMs: request.attemptTimeoutMs }),
        onError: (error, spaceId) => control?.broadcast({ type: 'socket-error', spaceId, message: error.message } satisfies DnsControlEvent),
      });
      return undefined;
    }
    case 'attach': {
      const dns = requireServer();
      const held = placements.get(request.spaceId);
      if (held !== undefined && held.netns === request.netns && held.address === request.address && held.port === request.port && held.tcp === request.tcp) return undefined;
      if (held !== undefined) {
        await dns.detach(request.spaceId);
        placements.delete(request.spaceId);
      }
      const wanted = { address: request.address, port: request.port ?? 53, udp: true, tcp: request.tcp !== false };
      const sockets = request.netns === null ? await listenHere(wanted) : await listenInNetns(request.netns, wanted);
      if (sockets.udp === undefined) {
        sockets.tcp?.close();
        throw new Error(`Cannot serve DNS in ${request.spaceId}: no UDP socket`);
      }
      dns.attach(request.spaceId, { udp: sockets.udp, ...(sockets.tcp === undefined ? {} : { tcp: sockets.tcp }) });
      placements.set(request.spaceId, { netns: request.netns, address: request.address, port: wanted.port, tcp: wanted.tcp });
      return undefined;
    }
    case 'detach':
      placements.delete(request.spaceId);
      await server?.detach(request.spaceId);
      return undefined;
    case 'update':
      requireServer().update(request.feed);
      return undefined;
    case 'close':
      setImmediate(() => void exit(0));
      return undefined;
  }
}

/** Binds in this process's own namespace (a placement without netns: tests on loopback). */
async function listenHere(request: NetnsListenRequest): Promise<NetnsSockets> {
  const udp = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(request.port, request.address, () => resolve());
  });
  if (!request.tcp) return { udp };
  const tcp = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen({ port: request.port, host: request.address, backlog: 511 }, () => resolve());
    });
  } catch (error) {
    udp.close();
    throw error;
  }
  return { udp, tcp };
}

async function exit(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  await server?.close().catch(() => undefined);
  await control?.close().catch(() => undefined);
  process.exit(code);
}

process.on('SIGTERM', () => void exit(0));
process.on('SIGINT', () => void exit(0));
// Not tied to a terminal: a hang-up is no reason to stop answering.
process.on('SIGHUP', () => undefined);

control = await listenControl(dnsPaths(dir).control, { request: (request) => handle(request as DnsControlRequest) });

// The data dir is gone (removed after --cleanup, or by hand): nobody can reach or stop us any more.
setInterval(() => {
  if (!existsSync(dir)) void exit(0);
}, 1000);
