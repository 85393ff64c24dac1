/**
 * One DNS server for every space. Each space's sockets are bound by someone else (inside the
 * space's network namespace, then handed over) and attached here; the space a query belongs to is
 * the socket it arrived on, never anything in the packet.
 *
 * RFC 1035 §4.2.1 (UDP, 512 bytes unless EDNS says more, TC when it does not fit) and §4.2.2 (TCP,
 * two-byte length prefix, several queries per connection, RFC 7766 §6.2.1 allows any reply order).
 * Anything that is not one well-formed query gets FORMERR, NOTIMP or silence, never an exception.
 */
import type dgram from 'node:dgram';
import type net from 'node:net';
import * as packet from 'dns-packet';
import type { Answer, DecodedPacket, Packet } from 'dns-packet';
import type { DnsCacheOptions } from './dns-cache.js';
import type { DnsServerFeed } from './dns-feed.js';
import { DnsForwarder, type ForwardedReply } from './dns-forwarder.js';
import { DnsTable, isLocalName, LOCAL_ZONE, normalizeName, type DnsLookup } from './dns-table.js';
import type { DnsUpstream } from './resolv-conf.js';

export interface DnsServerOptions {
  /** Resolvers for names Cove does not own, asked in order; [] answers them REFUSED. */
  readonly upstreams: readonly DnsUpstream[];
  /** TTL of Cove's own records, in seconds; short so a dyno going up or down shows at once. @default 1 */
  readonly ttl?: number;
  /** How long one upstream gets, in ms. @default 1000 */
  readonly attemptTimeoutMs?: number;
  readonly cache?: DnsCacheOptions;
  /** A TCP connection idle this long is closed, in ms (RFC 7766 §6.2.3). @default 10000 */
  readonly tcpIdleTimeoutMs?: number;
  /** Socket errors (the server keeps going). @default ignore */
  readonly onError?: (error: Error, spaceId: string) => void;
}

/** Sockets already bound to a space's DNS address (port 53 in production). */
export interface DnsSockets {
  readonly udp: dgram.Socket;
  readonly tcp?: net.Server | undefined;
}

interface Attachment {
  readonly sockets: DnsSockets;
  readonly connections: Set<net.Socket>;
}

type Transport = 'udp' | 'tcp';

const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
const FLAG_AA = packet.AUTHORITATIVE_ANSWER;
const FLAG_TC = packet.TRUNCATED_RESPONSE;
const FLAG_RD = packet.RECURSION_DESIRED;
const FLAG_RA = packet.RECURSION_AVAILABLE;
const FLAG_CD = packet.CHECKING_DISABLED;
/** The EDNS payload size we advertise and accept at most (DNS flag day 2020). */
const EDNS_UDP_SIZE = 1232;
/** RFC 1035 §2.3.4 */
const CLASSIC_UDP_SIZE = 512;
/** How many orders of a formation's addresses are kept encoded. */
const MAX_ORDERS = 16;
/** Bounds of the encoded-answer memo (cleared on every update, or when full). */
const MEMO_MAX_ENTRIES = 20_000;
const MEMO_MAX_QUERY = 512;

export class DnsServer {
  readonly #ttl: number;
  readonly #tcpIdleTimeoutMs: number;
  readonly #forwarder: DnsForwarder;
  readonly #onError: (error: Error, spaceId: string) => void;
  readonly #spaces = new Map<string, Attachment[]>();
  readonly #soa: Answer;
  #table = DnsTable.empty();
  /** Encoded answers to Cove's own names, by transport, space and query bytes after the ID. */
  readonly #memo = new Map<string, Buffer[]>();
  #closed = false;

  constructor(options: DnsServerOptions) {
    this.#ttl = options.ttl ?? 1;
    this.#tcpIdleTimeoutMs = options.tcpIdleTimeoutMs ?? 10_000;
    this.#onError = options.onError ?? (() => {});
    this.#forwarder = new DnsForwarder({
      upstreams: options.upstreams,
      ...(options.attemptTimeoutMs === undefined ? {} : { attemptTimeoutMs: options.attemptTimeoutMs }),
      ...(options.cache === undefined ? {} : { cache: options.cache }),
    });
    // Negative answers in localspace are cached no longer than positive ones (RFC 2308 §5).
    this.#soa = {
      name: LOCAL_ZONE,
      type: 'SOA',
      ttl: this.#ttl,
      data: { mname: LOCAL_ZONE, rname: `hostmaster.${LOCAL_ZONE}`, serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: this.#ttl },
    };
  }

  /** Replaces every space's records; the next query sees the new ones. */
  update(feed: DnsServerFeed): void {
    this.#table = DnsTable.fromFeed(feed);
    this.#memo.clear();
  }

  /** Spaces with attached sockets. */
  get spaceIds(): string[] {
    return [...this.#spaces.keys()];
  }

  /** Entries in the forwarding cache. */
  get cacheSize(): number {
    return this.#forwarder.cacheSize;
  }

  /**
   * Serves `spaceId` on already-bound sockets; the server owns them from now on and closes them
   * on `detach` or `close`. A space may have several (say its VIP and a peering address).
   */
  attach(spaceId: string, sockets: DnsSockets): void {
    if (this.#closed) throw new Error(`Cannot attach space "${spaceId}": the DNS server is closed`);
    const attachment: Attachment = { sockets, connections: new Set() };
    const { udp, tcp } = sockets;
    udp.on('message', (msg, rinfo) => {
      this.#respond(spaceId, msg, 'udp', (reply) => udp.send(reply, rinfo.port, rinfo.address, (error) => {
        if (error) this.#onError(error, spaceId);
      }));
    });
    udp.on('error', (error) => this.#onError(error, spaceId));
    if (tcp !== undefined) {
      tcp.on('connection', (socket) => this.#serveTcp(spaceId, socket, attachment));
      tcp.on('error', (error) => this.#onError(error, spaceId));
    }
    const list = this.#spaces.get(spaceId);
    if (list === undefined) this.#spaces.set(spaceId, [attachment]);
    else list.push(attachment);
  }

  /** Stops serving `spaceId` and closes its sockets and TCP connections. */
  async detach(spaceId: string): Promise<void> {
    const list = this.#spaces.get(spaceId) ?? [];
    this.#spaces.delete(spaceId);
    await Promise.all(list.map((a) => closeAttachment(a)));
  }

  /** Detaches every space and stops forwarding. */
  async close(): Promise<void> {
    this.#closed = true;
    const ids = [...this.#spaces.keys()];
    await Promise.all(ids.map((id) => this.detach(id)));
    this.#forwarder.close();
  }

  /**
   * The reply to one message from `spaceId`, or null for silence. Never throws: a malformed
   * query gets FORMERR (when its header can be read) or nothing.
   */
  async reply(spaceId: string, msg: Buffer, transport: Transport): Promise<Buffer | null> {
    return await this.#answer(spaceId, msg, transport);
  }

  /** Synchronous for Cove's own names (the hot path); a promise only when forwarding. */
  #answer(spaceId: string, msg: Buffer, transport: Transport): Buffer | null | Promise<Buffer | null> {
    // RFC 1035 §4.1.1: without a 12-byte header there is no ID to answer; a message with QR set
    // is a response, and answering it invites loops.
    if (msg.length < 12 || (msg[2] ?? 0) & 0x80) return null;
    const id = msg.readUInt16BE(0);
    // Answers to Cove's own names are a pure function of the table and the query bytes after the
    // ID, so they are encoded once per table (several orders of a formation's addresses).
    const memoKey = msg.length <= MEMO_MAX_QUERY ? `${transport}\0${spaceId}\0${msg.toString('latin1', 2)}` : null;
    const memo = memoKey === null ? undefined : this.#memo.get(memoKey);
    if (memo !== undefined) return withId(pick(memo), id);

    let query: DecodedPacket;
    try {
      query = packet.decode(msg);
    } catch {
      return errorReply(msg, RCODE.FORMERR);
    }
    const opcode = ((msg[2] ?? 0) >> 3) & 0xf;
    if (opcode !== 0) return errorReply(msg, RCODE.NOTIMP);
    const question = query.questions?.[0];
    if (question === undefined || query.questions?.length !== 1) return errorReply(msg, RCODE.FORMERR);
    const opt = query.additionals?.find((a) => a.type === 'OPT');
    const hasOpt = opt !== undefined;
    const limit = transport === 'tcp' ? 0xffff
      : opt?.type === 'OPT' ? Math.min(Math.max(opt.udpPayloadSize, CLASSIC_UDP_SIZE), EDNS_UDP_SIZE)
      : CLASSIC_UDP_SIZE;

    const klass = question.class ?? 'IN';
    const lookup: DnsLookup = klass === 'IN' || klass === 'ANY'
      ? this.#table.lookup(spaceId, question.name, question.type)
      : isLocalName(normalizeName(question.name)) ? { kind: 'nxdomain' } : { kind: 'forward' };
    if (lookup.kind === 'forward') {
      if (!this.#forwarder.hasUpstreams) return this.#encode(query, { rcode: RCODE.REFUSED, flags: 0, answers: [], authorities: [] }, hasOpt, limit);
      return this.#forward(query, msg, transport, hasOpt, limit);
    }
    const flags = FLAG_AA | (this.#forwarder.hasUpstreams ? FLAG_RA : 0);
    const local = isLocalName(normalizeName(question.name));
    const variants: Buffer[] = [];
    if (lookup.kind === 'addresses') {
      // Vary the order so clients that take the first address spread the load: up to
      // MAX_ORDERS rotations, starting points spread evenly over the list.
      const list = lookup.addresses;
      const orders = Math.min(list.length, MAX_ORDERS);
      for (let k = 0; k < orders; k++) {
        const start = Math.floor((k * list.length) / orders);
        const answers: Answer[] = list.map((_, i) => ({ name: question.name, type: 'A', class: 'IN', ttl: this.#ttl, data: list[(start + i) % list.length] ?? '' }));
        variants.push(this.#encode(query, { rcode: RCODE.NOERROR, flags, answers, authorities: [] }, hasOpt, limit));
      }
    } else if (lookup.kind === 'pointer') {
      const answers: Answer[] = [{ name: question.name, type: 'PTR', class: 'IN', ttl: this.#ttl, data: lookup.name }];
      variants.push(this.#encode(query, { rcode: RCODE.NOERROR, flags, answers, authorities: [] }, hasOpt, limit));
    } else {
      const rcode = lookup.kind === 'nxdomain' ? RCODE.NXDOMAIN : RCODE.NOERROR;
      variants.push(this.#encode(query, { rcode, flags, answers: [], authorities: local ? [this.#soa] : [] }, hasOpt, limit));
    }
    if (memoKey !== null) {
      if (this.#memo.size >= MEMO_MAX_ENTRIES) this.#memo.clear();
      this.#memo.set(memoKey, variants);
    }
    return withId(pick(variants), id);
  }

  async #forward(query: DecodedPacket, msg: Buffer, transport: Transport, hasOpt: boolean, limit: number): Promise<Buffer> {
    let forwarded: ForwardedReply | null;
    try {
      forwarded = await this.#forwarder.forward(query, msg, transport);
    } catch {
      forwarded = null;
    }
    if (forwarded === null) return this.#encode(query, { rcode: RCODE.SERVFAIL, flags: FLAG_RA, answers: [], authorities: [] }, hasOpt, limit);
    return this.#relay(query, forwarded, hasOpt, limit);
  }

  #respond(spaceId: string, msg: Buffer, transport: Transport, send: (reply: Buffer) => void): void {
    let result: Buffer | null | Promise<Buffer | null>;
    try {
      result = this.#answer(spaceId, msg, transport);
    } catch (error) {
      this.#onError(error instanceof Error ? error : new Error(String(error)), spaceId);
      return;
    }
    if (result === null) return;
    if (result instanceof Buffer) {
      send(result);
      return;
    }
    result.then(
      (reply) => {
        if (reply !== null && this.#spaces.has(spaceId)) send(reply);
      },
      (error: unknown) => this.#onError(error instanceof Error ? error : new Error(String(error)), spaceId),
    );
  }

  #serveTcp(spaceId: string, socket: net.Socket, attachment: Attachment): void {
    attachment.connections.add(socket);
    socket.setTimeout(this.#tcpIdleTimeoutMs, () => socket.destroy());
    socket.on('close', () => attachment.connections.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2) {
        const length = buffered.readUInt16BE(0);
        if (buffered.length < 2 + length) break;
        const msg = buffered.subarray(2, 2 + length);
        buffered = buffered.subarray(2 + length);
        this.#respond(spaceId, msg, 'tcp', (reply) => {
          if (socket.destroyed || !socket.writable) return;
          const frame = Buffer.alloc(reply.length + 2);
          frame.writeUInt16BE(reply.length, 0);
          reply.copy(frame, 2);
          socket.write(frame);
        });
      }
    });
  }

  #encode(
    query: DecodedPacket,
    body: { rcode: number; flags: number; answers: Answer[]; authorities: Answer[] },
    hasOpt: boolean,
    limit: number,
  ): Buffer {
    const flags = body.flags | (query.flag_rd ? FLAG_RD : 0) | (query.flag_cd ? FLAG_CD : 0) | body.rcode;
    const additionals: Answer[] = hasOpt ? [ednsOpt()] : [];
    const response: Packet = {
      type: 'response',
      id: query.id ?? 0,
      flags,
      questions: query.questions ?? [],
      answers: body.answers,
      authorities: body.authorities,
      additionals,
    };
    const encoded = packet.encode(response);
    if (encoded.length <= limit) return encoded;
    // RFC 2181 §9: set TC and drop what does not fit; the client retries over TCP.
    return packet.encode({ ...response, flags: flags | FLAG_TC, answers: [], authorities: [] });
  }

  #relay(query: DecodedPacket, forwarded: ForwardedReply, hasOpt: boolean, limit: number): Buffer {
    if (forwarded.raw !== null && forwarded.raw.length <= limit) {
      const out = Buffer.from(forwarded.raw);
      out.writeUInt16BE(query.id ?? 0, 0);
      return out;
    }
    const upstream = forwarded.packet;
    return this.#encode(
      query,
      {
        rcode: (upstream.flags ?? 0) & 0xf,
        flags: FLAG_RA | (upstream.flag_ad ? packet.AUTHENTIC_DATA : 0),
        answers: upstream.answers ?? [],
        authorities: upstream.authorities ?? [],
      },
      hasOpt,
      limit,
    );
  }
}

function pick(variants: readonly Buffer[]): Buffer {
  return (variants.length === 1 ? variants[0] : variants[Math.floor(Math.random() * variants.length)]) as Buffer;
}

/** A copy of an encoded reply with the asker's ID (the memo's buffers are never sent as is). */
function withId(reply: Buffer, id: number): Buffer {
  const out = Buffer.allocUnsafe(reply.length);
  reply.copy(out);
  out.writeUInt16BE(id, 0);
  return out;
}

function ednsOpt(): Answer {
  return { name: '.', type: 'OPT', udpPayloadSize: EDNS_UDP_SIZE, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] };
}

/** A header-only reply (no question echoed) for a query we could not or would not parse. */
function errorReply(msg: Buffer, rcode: number): Buffer {
  const out = Buffer.alloc(12);
  out.writeUInt16BE(msg.readUInt16BE(0), 0);
  // QR, the query's opcode and RD; then the rcode.
  out[2] = 0x80 | ((msg[2] ?? 0) & 0x79);
  out[3] = rcode & 0xf;
  return out;
}

function closeAttachment(attachment: Attachment): Promise<void> {
  for (const socket of attachment.connections) socket.destroy();
  const { udp, tcp } = attachment.sockets;
  const closing: Promise<void>[] = [new Promise((resolve) => {
    try {
      udp.close(() => resolve());
    } catch {
      resolve();
    }
  })];
  if (tcp !== undefined) closing.push(new Promise((resolve) => tcp.close(() => resolve())));
  return Promise.all(closing).then(() => undefined);
}
