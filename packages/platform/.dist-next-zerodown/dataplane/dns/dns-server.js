import * as packet from 'dns-packet';
import { DnsForwarder } from './dns-forwarder.js';
import { DnsTable, isLocalName, LOCAL_ZONE, normalizeName } from './dns-table.js';
const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };
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
    #ttl;
    #tcpIdleTimeoutMs;
    #forwarder;
    #onError;
    #spaces = new Map();
    #soa;
    #table = DnsTable.empty();
    /** Encoded answers to Cove's own names, by transport, space and query bytes after the ID. */
    #memo = new Map();
    #closed = false;
    constructor(options) {
        this.#ttl = options.ttl ?? 1;
        this.#tcpIdleTimeoutMs = options.tcpIdleTimeoutMs ?? 10_000;
        this.#onError = options.onError ?? (() => { });
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
    update(feed) {
        this.#table = DnsTable.fromFeed(feed);
        this.#memo.clear();
    }
    /** Spaces with attached sockets. */
    get spaceIds() {
        return [...this.#spaces.keys()];
    }
    /** Entries in the forwarding cache. */
    get cacheSize() {
        return this.#forwarder.cacheSize;
    }
    /**
     * Serves `spaceId` on already-bound sockets; the server owns them from now on and closes them
     * on `detach` or `close`. A space may have several (say its VIP and a peering address).
     */
    attach(spaceId, sockets) {
        if (this.#closed)
            throw new Error(`Cannot attach space "${spaceId}": the DNS server is closed`);
        const attachment = { sockets, connections: new Set() };
        const { udp, tcp } = sockets;
        udp.on('message', (msg, rinfo) => {
            this.#respond(spaceId, msg, 'udp', (reply) => udp.send(reply, rinfo.port, rinfo.address, (error) => {
                if (error)
                    this.#onError(error, spaceId);
            }));
        });
        udp.on('error', (error) => this.#onError(error, spaceId));
        if (tcp !== undefined) {
            tcp.on('connection', (socket) => this.#serveTcp(spaceId, socket, attachment));
            tcp.on('error', (error) => this.#onError(error, spaceId));
        }
        const list = this.#spaces.get(spaceId);
        if (list === undefined)
            this.#spaces.set(spaceId, [attachment]);
        else
            list.push(attachment);
    }
    /** Stops serving `spaceId` and closes its sockets and TCP connections. */
    async detach(spaceId) {
        const list = this.#spaces.get(spaceId) ?? [];
        this.#spaces.delete(spaceId);
        await Promise.all(list.map((a) => closeAttachment(a)));
    }
    /** Detaches every space and stops forwarding. */
    async close() {
        this.#closed = true;
        const ids = [...this.#spaces.keys()];
        await Promise.all(ids.map((id) => this.detach(id)));
        this.#forwarder.close();
    }
    /**
     * The reply to one message from `spaceId`, or null for silence. Never throws: a malformed
     * query gets FORMERR (when its header can be read) or nothing.
     */
    async reply(spaceId, msg, transport) {
        return await this.#answer(spaceId, msg, transport);
    }
    /** Synchronous for Cove's own names (the hot path); a promise only when forwarding. */
    #answer(spaceId, msg, transport) {
        // RFC 1035 §4.1.1: without a 12-byte header there is no ID to answer; a message with QR set
        // is a response, and answering it invites loops.
        if (msg.length < 12 || (msg[2] ?? 0) & 0x80)
            return null;
        const id = msg.readUInt16BE(0);
        // Answers to Cove's own names are a pure function of the table and the query bytes after the
        // ID, so they are encoded once per table (several orders of a formation's addresses).
        const memoKey = msg.length <= MEMO_MAX_QUERY ? `${transport}\0${spaceId}\0${msg.toString('latin1', 2)}` : null;
        const memo = memoKey === null ? undefined : this.#memo.get(memoKey);
        if (memo !== undefined)
            return withId(pick(memo), id);
        let query;
        try {
            query = packet.decode(msg);
        }
        catch {
            return errorReply(msg, RCODE.FORMERR);
        }
        const opcode = ((msg[2] ?? 0) >> 3) & 0xf;
        if (opcode !== 0)
            return errorReply(msg, RCODE.NOTIMP);
        const question = query.questions?.[0];
        if (question === undefined || query.questions?.length !== 1)
            return errorReply(msg, RCODE.FORMERR);
        const opt = query.additionals?.find((a) => a.type === 'OPT');
        const hasOpt = opt !== undefined;
        const limit = transport === 'tcp' ? 0xffff
            : opt?.type === 'OPT' ? Math.min(Math.max(opt.udpPayloadSize, CLASSIC_UDP_SIZE), EDNS_UDP_SIZE)
                : CLASSIC_UDP_SIZE;
        const klass = question.class ?? 'IN';
        const lookup = klass === 'IN' || klass === 'ANY'
            ? this.#table.lookup(spaceId, question.name, question.type)
            : isLocalName(normalizeName(question.name)) ? { kind: 'nxdomain' } : { kind: 'forward' };
        if (lookup.kind === 'forward') {
            if (!this.#forwarder.hasUpstreams)
                return this.#encode(query, { rcode: RCODE.REFUSED, flags: 0, answers: [], authorities: [] }, hasOpt, limit);
            return this.#forward(query, msg, transport, hasOpt, limit);
        }
        const flags = FLAG_AA | (this.#forwarder.hasUpstreams ? FLAG_RA : 0);
        const local = isLocalName(normalizeName(question.name));
        const variants = [];
        if (lookup.kind === 'addresses') {
            // Vary the order so clients that take the first address spread the load: up to
            // MAX_ORDERS rotations, starting points spread evenly over the list.
            const list = lookup.addresses;
            const orders = Math.min(list.length, MAX_ORDERS);
            for (let k = 0; k < orders; k++) {
                const start = Math.floor((k * list.length) / orders);
                const answers = list.map((_, i) => ({ name: question.name, type: 'A', class: 'IN', ttl: this.#ttl, data: list[(start + i) % list.length] ?? '' }));
                variants.push(this.#encode(query, { rcode: RCODE.NOERROR, flags, answers, authorities: [] }, hasOpt, limit));
            }
        }
        else if (lookup.kind === 'pointer') {
            const answers = [{ name: question.name, type: 'PTR', class: 'IN', ttl: this.#ttl, data: lookup.name }];
            variants.push(this.#encode(query, { rcode: RCODE.NOERROR, flags, answers, authorities: [] }, hasOpt, limit));
        }
        else {
            const rcode = lookup.kind === 'nxdomain' ? RCODE.NXDOMAIN : RCODE.NOERROR;
            variants.push(this.#encode(query, { rcode, flags, answers: [], authorities: local ? [this.#soa] : [] }, hasOpt, limit));
        }
        if (memoKey !== null) {
            if (this.#memo.size >= MEMO_MAX_ENTRIES)
                this.#memo.clear();
            this.#memo.set(memoKey, variants);
        }
        return withId(pick(variants), id);
    }
    async #forward(query, msg, transport, hasOpt, limit) {
        let forwarded;
        try {
            forwarded = await this.#forwarder.forward(query, msg, transport);
        }
        catch {
            forwarded = null;
        }
        if (forwarded === null)
            return this.#encode(query, { rcode: RCODE.SERVFAIL, flags: FLAG_RA, answers: [], authorities: [] }, hasOpt, limit);
        return this.#relay(query, forwarded, hasOpt, limit);
    }
    #respond(spaceId, msg, transport, send) {
        let result;
        try {
            result = this.#answer(spaceId, msg, transport);
        }
        catch (error) {
            this.#onError(error instanceof Error ? error : new Error(String(error)), spaceId);
            return;
        }
        if (result === null)
            return;
        if (result instanceof Buffer) {
            send(result);
            return;
        }
        result.then((reply) => {
            if (reply !== null && this.#spaces.has(spaceId))
                send(reply);
        }, (error) => this.#onError(error instanceof Error ? error : new Error(String(error)), spaceId));
    }
    #serveTcp(spaceId, socket, attachment) {
        attachment.connections.add(socket);
        socket.setTimeout(this.#tcpIdleTimeoutMs, () => socket.destroy());
        socket.on('close', () => attachment.connections.delete(socket));
        socket.on('error', () => socket.destroy());
        let buffered = Buffer.alloc(0);
        socket.on('data', (chunk) => {
            buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
            while (buffered.length >= 2) {
                const length = buffered.readUInt16BE(0);
                if (buffered.length < 2 + length)
                    break;
                const msg = buffered.subarray(2, 2 + length);
                buffered = buffered.subarray(2 + length);
                this.#respond(spaceId, msg, 'tcp', (reply) => {
                    if (socket.destroyed || !socket.writable)
                        return;
                    const frame = Buffer.alloc(reply.length + 2);
                    frame.writeUInt16BE(reply.length, 0);
                    reply.copy(frame, 2);
                    socket.write(frame);
                });
            }
        });
    }
    #encode(query, body, hasOpt, limit) {
        const flags = body.flags | (query.flag_rd ? FLAG_RD : 0) | (query.flag_cd ? FLAG_CD : 0) | body.rcode;
        const additionals = hasOpt ? [ednsOpt()] : [];
        const response = {
            type: 'response',
            id: query.id ?? 0,
            flags,
            questions: query.questions ?? [],
            answers: body.answers,
            authorities: body.authorities,
            additionals,
        };
        const encoded = packet.encode(response);
        if (encoded.length <= limit)
            return encoded;
        // RFC 2181 §9: set TC and drop what does not fit; the client retries over TCP.
        return packet.encode({ ...response, flags: flags | FLAG_TC, answers: [], authorities: [] });
    }
    #relay(query, forwarded, hasOpt, limit) {
        if (forwarded.raw !== null && forwarded.raw.length <= limit) {
            const out = Buffer.from(forwarded.raw);
            out.writeUInt16BE(query.id ?? 0, 0);
            return out;
        }
        const upstream = forwarded.packet;
        return this.#encode(query, {
            rcode: (upstream.flags ?? 0) & 0xf,
            flags: FLAG_RA | (upstream.flag_ad ? packet.AUTHENTIC_DATA : 0),
            answers: upstream.answers ?? [],
            authorities: upstream.authorities ?? [],
        }, hasOpt, limit);
    }
}
function pick(variants) {
    return (variants.length === 1 ? variants[0] : variants[Math.floor(Math.random() * variants.length)]);
}
/** A copy of an encoded reply with the asker's ID (the memo's buffers are never sent as is). */
function withId(reply, id) {
    const out = Buffer.allocUnsafe(reply.length);
    reply.copy(out);
    out.writeUInt16BE(id, 0);
    return out;
}
function ednsOpt() {
    return { name: '.', type: 'OPT', udpPayloadSize: EDNS_UDP_SIZE, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] };
}
/** A header-only reply (no question echoed) for a query we could not or would not parse. */
function errorReply(msg, rcode) {
    const out = Buffer.alloc(12);
    out.writeUInt16BE(msg.readUInt16BE(0), 0);
    // QR, the query's opcode and RD; then the rcode.
    out[2] = 0x80 | ((msg[2] ?? 0) & 0x79);
    out[3] = rcode & 0xf;
    return out;
}
function closeAttachment(attachment) {
    for (const socket of attachment.connections)
        socket.destroy();
    const { udp, tcp } = attachment.sockets;
    const closing = [new Promise((resolve) => {
            try {
                udp.close(() => resolve());
            }
            catch {
                resolve();
            }
        })];
    if (tcp !== undefined)
        closing.push(new Promise((resolve) => tcp.close(() => resolve())));
    return Promise.all(closing).then(() => undefined);
}
//# sourceMappingURL=dns-server.js.map