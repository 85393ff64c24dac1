/**
 * Forwards the names Cove does not own to upstream resolvers, in order, each tried once with a
 * timeout, with a shared cache. Queries go out with a fresh random ID; a reply is accepted only
 * from the upstream it was sent to and only for the question asked (RFC 5452 §9.1).
 */
import dgram from 'node:dgram';
import { randomInt } from 'node:crypto';
import net from 'node:net';
import * as packet from 'dns-packet';
import { DnsCache } from './dns-cache.js';
import { normalizeName } from './dns-table.js';
function questionKey(q) {
    return `${normalizeName(q.name)}|${q.type}|${q.class ?? 'IN'}`;
}
export class DnsForwarder {
    #upstreams;
    #attemptTimeoutMs;
    #cache;
    #sockets = new Map();
    #pending = new Map();
    #closed = false;
    constructor(options) {
        this.#upstreams = options.upstreams;
        this.#attemptTimeoutMs = options.attemptTimeoutMs ?? 1000;
        this.#cache = new DnsCache(options.cache);
    }
    get hasUpstreams() {
        return this.#upstreams.length > 0;
    }
    get cacheSize() {
        return this.#cache.size;
    }
    /**
     * Resolves `query` (already decoded, with exactly one question) through the cache or the
     * upstreams. `raw` is the client's query, sent on unchanged but for its ID. null when every
     * upstream failed or timed out.
     */
    async forward(query, raw, transport) {
        const question = query.questions?.[0];
        if (question === undefined)
            return null;
        const opt = query.additionals?.find((a) => a.type === 'OPT');
        const dnssecOk = opt?.type === 'OPT' && opt.flag_do;
        const key = `${questionKey(question)}|${dnssecOk ? 1 : 0}|${query.flag_cd ? 1 : 0}`;
        const cached = this.#cache.get(key);
        if (cached !== undefined)
            return { packet: cached, raw: null, fromCache: true };
        for (const upstream of this.#upstreams) {
            if (this.#closed)
                return null;
            const reply = transport === 'udp' ? await this.#viaUdp(upstream, raw, question) : await this.#viaTcp(upstream, raw, question);
            if (reply === null)
                continue;
            const rcode = (reply.packet.flags ?? 0) & 0xf;
            // SERVFAIL (2) and REFUSED (5) say "ask someone else".
            if ((rcode === 2 || rcode === 5) && upstream !== this.#upstreams[this.#upstreams.length - 1])
                continue;
            this.#cache.set(key, reply.packet);
            return { ...reply, fromCache: false };
        }
        return null;
    }
    /** Stops listening for replies; pending queries resolve to null. */
    close() {
        this.#closed = true;
        for (const socket of this.#sockets.values())
            socket.close();
        this.#sockets.clear();
        for (const pending of this.#pending.values())
            pending.resolve(null);
        this.#pending.clear();
        this.#cache.clear();
    }
    #socket(family) {
        let socket = this.#sockets.get(family);
        if (socket !== undefined)
            return socket;
        socket = dgram.createSocket(family);
        socket.on('message', (msg, rinfo) => this.#onReply(msg, rinfo));
        // Send errors (unreachable upstream) surface as timeouts; the socket stays usable.
        socket.on('error', () => { });
        socket.unref();
        this.#sockets.set(family, socket);
        return socket;
    }
    #onReply(msg, rinfo) {
        if (msg.length < 12)
            return;
        const pending = this.#pending.get(msg.readUInt16BE(0));
        if (pending === undefined || pending.upstream.address !== rinfo.address || pending.upstream.port !== rinfo.port)
            return;
        let decoded;
        try {
            decoded = packet.decode(msg);
        }
        catch {
            return;
        }
        const q = decoded.questions?.[0];
        if (!decoded.flag_qr || q === undefined || questionKey(q) !== pending.question)
            return;
        this.#pending.delete(msg.readUInt16BE(0));
        pending.resolve({ packet: decoded, raw: msg });
    }
    #freshId() {
        for (;;) {
            const id = randomInt(0x10000);
            if (!this.#pending.has(id))
                return id;
        }
    }
    #viaUdp(upstream, raw, question) {
        const id = this.#freshId();
        const out = Buffer.from(raw);
        out.writeUInt16BE(id, 0);
        const socket = this.#socket(net.isIPv6(upstream.address) ? 'udp6' : 'udp4');
        return new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.#pending.delete(id);
                resolve(null);
            }, this.#attemptTimeoutMs);
            this.#pending.set(id, {
                upstream,
                question: questionKey(question),
                resolve: (reply) => {
                    clearTimeout(timer);
                    resolve(reply);
                },
            });
            socket.send(out, upstream.port, upstream.address);
        });
    }
    #viaTcp(upstream, raw, question) {
        const id = this.#freshId();
        const frame = Buffer.alloc(raw.length + 2);
        frame.writeUInt16BE(raw.length, 0);
        raw.copy(frame, 2);
        frame.writeUInt16BE(id, 2);
        return new Promise((resolve) => {
            let buffered = Buffer.alloc(0);
            let done = false;
            const finish = (reply) => {
                if (done)
                    return;
                done = true;
                socket.destroy();
                resolve(reply);
            };
            const socket = net.connect({ host: upstream.address, port: upstream.port });
            socket.setTimeout(this.#attemptTimeoutMs, () => finish(null));
            socket.on('error', () => finish(null));
            socket.on('close', () => finish(null));
            socket.on('connect', () => socket.write(frame));
            socket.on('data', (chunk) => {
                buffered = Buffer.concat([buffered, chunk]);
                if (buffered.length < 2)
                    return;
                const length = buffered.readUInt16BE(0);
                if (buffered.length < 2 + length)
                    return;
                const msg = buffered.subarray(2, 2 + length);
                try {
                    const decoded = packet.decode(msg);
                    const q = decoded.questions?.[0];
                    if (decoded.id !== id || q === undefined || questionKey(q) !== questionKey(question))
                        return finish(null);
                    finish({ packet: decoded, raw: Buffer.from(msg) });
                }
                catch {
                    finish(null);
                }
            });
        });
    }
}
//# sourceMappingURL=dns-forwarder.js.map