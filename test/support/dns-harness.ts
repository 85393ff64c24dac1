/**
 * DNS test helpers: sockets bound on loopback addresses as stand-ins for a space's DNS VIP, a
 * fake upstream resolver, raw UDP/TCP queries, and feeds. Everything stays on 127.0.0.0/8.
 */
import dgram from 'node:dgram';
import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import * as packet from 'dns-packet';
import type { DecodedPacket, Packet } from 'dns-packet';
import type { DnsServerFeed } from '@cove/platform';

/** Port 53 when root (as in production), a high port otherwise. */
export const DNS_PORT = process.getuid?.() === 0 ? 53 : 10053;

export interface BoundSockets {
  readonly udp: dgram.Socket;
  readonly tcp: net.Server;
}

/** UDP and TCP sockets bound to `address:port`, as the netns helper would hand them over. */
export async function bindDns(address: string, port = DNS_PORT): Promise<BoundSockets> {
  const udp = dgram.createSocket('udp4');
  udp.bind(port, address);
  await once(udp, 'listening');
  const tcp = net.createServer();
  try {
    tcp.listen(port, address);
    await once(tcp, 'listening');
  } catch (error) {
    udp.close();
    throw error;
  }
  return { udp, tcp };
}

/**
 * A loopback /24 of its own for one test file, e.g. "127.53.187", so concurrent runs (and
 * concurrent files) never race for the same address and port.
 */
export function loopbackNet(): string {
  return `127.53.${randomInt(1, 255)}`;
}

/** A UDP query; resolves with the reply or null after `timeoutMs`. */
export async function udpQuery(address: string, message: Buffer, port = DNS_PORT, timeoutMs = 2000): Promise<Buffer | null> {
  const socket = dgram.createSocket('udp4');
  try {
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    const reply = new Promise<Buffer | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      socket.once('message', (msg) => {
        clearTimeout(timer);
        resolve(msg);
      });
    });
    socket.send(message, port, address);
    return await reply;
  } finally {
    socket.close();
  }
}

/** A TCP query (RFC 1035 §4.2.2 framing); resolves with the reply or null on close/timeout. */
export async function tcpQuery(address: string, message: Buffer, port = DNS_PORT, timeoutMs = 2000): Promise<Buffer | null> {
  const socket = net.connect({ host: address, port });
  return await new Promise((resolve) => {
    let buffered = Buffer.alloc(0);
    const done = (reply: Buffer | null): void => {
      socket.destroy();
      resolve(reply);
    };
    socket.setTimeout(timeoutMs, () => done(null));
    socket.on('error', () => done(null));
    socket.on('close', () => done(null));
    socket.on('connect', () => {
      const frame = Buffer.alloc(message.length + 2);
      frame.writeUInt16BE(message.length, 0);
      message.copy(frame, 2);
      socket.write(frame);
    });
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) done(buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
    });
  });
}

/** An A query for `name` (optionally with EDNS). */
export function aQuery(name: string, options: { id?: number; type?: packet.RecordType; edns?: number } = {}): Buffer {
  const query: Packet = {
    type: 'query',
    id: options.id ?? 4242,
    flags: packet.RECURSION_DESIRED,
    questions: [{ type: options.type ?? 'A', name, class: 'IN' }],
    additionals: options.edns === undefined ? [] : [{ name: '.', type: 'OPT', udpPayloadSize: options.edns, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }],
  };
  return packet.encode(query);
}

export function decode(reply: Buffer | null): DecodedPacket & { rcode?: string } {
  if (reply === null) throw new Error('No reply');
  return packet.decode(reply) as DecodedPacket & { rcode?: string };
}

/** The A records of a decoded reply. */
export function addressesOf(reply: DecodedPacket): string[] {
  return (reply.answers ?? []).flatMap((a) => (a.type === 'A' ? [a.data] : []));
}

/**
 * A fake upstream resolver on `address` (UDP and TCP): `forwarded.example` → 192.0.2.1 (TTL 60),
 * `short.example` → 192.0.2.2 (TTL 0), anything else NXDOMAIN with an SOA (negative TTL 60).
 * Counts the queries it saw.
 */
export class FakeUpstream {
  queries = 0;
  readonly #sockets: BoundSockets;

  private constructor(sockets: BoundSockets) {
    this.#sockets = sockets;
    sockets.udp.on('message', (msg, rinfo) => {
      const reply = this.#answer(msg);
      if (reply !== null) sockets.udp.send(reply, rinfo.port, rinfo.address);
    });
    sockets.tcp.on('connection', (socket) => {
      let buffered = Buffer.alloc(0);
      socket.on('error', () => {});
      socket.on('data', (chunk) => {
        buffered = Buffer.concat([buffered, chunk]);
        if (buffered.length < 2 || buffered.length < 2 + buffered.readUInt16BE(0)) return;
        const reply = this.#answer(buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
        buffered = Buffer.alloc(0);
        if (reply === null) return;
        const frame = Buffer.alloc(reply.length + 2);
        frame.writeUInt16BE(reply.length, 0);
        reply.copy(frame, 2);
        socket.write(frame);
      });
    });
  }

  static async start(address: string, port = DNS_PORT): Promise<FakeUpstream> {
    return new FakeUpstream(await bindDns(address, port));
  }

  #answer(msg: Buffer): Buffer | null {
    let query: DecodedPacket;
    try {
      query = packet.decode(msg);
    } catch {
      return null;
    }
    this.queries++;
    const q = query.questions?.[0];
    if (q === undefined) return null;
    const name = q.name.toLowerCase();
    const known: Record<string, [string, number]> = { 'forwarded.example': ['192.0.2.1', 60], 'short.example': ['192.0.2.2', 0] };
    const hit = known[name];
    const base = { type: 'response' as const, id: query.id ?? 0, questions: [q] };
    if (hit !== undefined) {
      return packet.encode({ ...base, flags: packet.RECURSION_AVAILABLE, answers: q.type === 'A' ? [{ name: q.name, type: 'A', ttl: hit[1], data: hit[0] }] : [] });
    }
    return packet.encode({
      ...base,
      flags: packet.RECURSION_AVAILABLE | 3,
      authorities: [{ name: 'example', type: 'SOA', ttl: 60, data: { mname: 'ns.example', rname: 'h.example', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 } }],
    });
  }

  async close(): Promise<void> {
    await Promise.all([new Promise<void>((r) => this.#sockets.udp.close(() => r())), new Promise<void>((r) => this.#sockets.tcp.close(() => r()))]);
  }
}

/**
 * Two spaces with the same CIDR (so overlapping IPs): A has `shop` (public, web.1 web.2 up,
 * worker.1 starting) and `api` (internal); B has `blog` whose web.1 has A's web.1 address.
 */
export function twoSpaceFeed(extraShopDynos = 0): DnsServerFeed {
  const shopDynos = [
    { type: 'web', number: 1, privateIp: '10.0.128.11', up: true },
    { type: 'web', number: 2, privateIp: '10.0.144.11', up: true },
    { type: 'worker', number: 1, privateIp: '10.0.160.11', up: false },
  ];
  for (let i = 0; i < extraShopDynos; i++) shopDynos.push({ type: 'web', number: 3 + i, privateIp: `10.0.129.${10 + i}`, up: true });
  return {
    publicDomains: ['shop.cove.localhost', 'blog.cove.localhost'],
    spaces: [
      {
        spaceId: 'space-a',
        internalRouterAddress: '10.0.0.10',
        publicRouterAddress: '100.64.0.1',
        apps: [
          { name: 'shop', internalRouting: false, domains: ['shop.cove.localhost'], dynos: shopDynos },
          { name: 'api', internalRouting: true, domains: ['api.cove.localhost', 'api.internal.example'], dynos: [] },
        ],
      },
      {
        spaceId: 'space-b',
        internalRouterAddress: '10.0.0.10',
        publicRouterAddress: '100.64.0.5',
        apps: [{ name: 'blog', internalRouting: false, domains: ['blog.cove.localhost'], dynos: [{ type: 'web', number: 1, privateIp: '10.0.128.11', up: true }] }],
      },
    ],
  };
}
