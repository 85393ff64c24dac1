import { setTimeout as delay } from 'node:timers/promises';
export const RENDEZVOUS_HANDSHAKE = 'rendezvous\r\n';
export const EXIT_STATUS_MARKER = '\uFFFF heroku-command-exit-status: ';
const MARKER_BYTES = Buffer.from(EXIT_STATUS_MARKER, 'utf8');
const MAX_SECRET_LINE = 1024;
const END_OF_TRANSMISSION = 0x04;
export const FRAME = { data: 0, resize: 1, end: 2 };
export class RendezvousServer {
    #options;
    #sessions = new Set();
    #closed = false;
    constructor(options) {
        this.#options = options;
    }
    /** Takes over a connection whose first bytes (`head`) have been read already. */
    handle(socket, head) {
        if (this.#closed) {
            socket.destroy();
            return;
        }
        this.#sessions.add(socket);
        socket.once('close', () => this.#sessions.delete(socket));
        socket.on('error', () => socket.destroy());
        socket.setNoDelay?.(true);
        let line = head;
        const onData = (chunk) => {
            line = Buffer.concat([line, chunk]);
            check();
        };
        const check = () => {
            const end = line.indexOf('\n');
            if (end < 0) {
                if (line.length > MAX_SECRET_LINE)
                    socket.destroy();
                return;
            }
            socket.off('data', onData);
            socket.pause();
            const secretLine = line.subarray(0, end).toString('utf8').replace(/\r$/, '');
            const rest = line.subarray(end + 1);
            void this.#session(socket, secretLine, rest).catch(() => socket.destroy());
        };
        socket.on('data', onData);
        socket.resume();
        check();
    }
    /** Ends every session (the server stops). */
    close() {
        this.#closed = true;
        for (const socket of this.#sessions)
            socket.destroy();
    }
    async #session(socket, secretLine, rest) {
        const [secret = '', query = ''] = secretLine.split('?', 2);
        const framed = new URLSearchParams(query).get('frames') === '1';
        const claimed = this.#options.claim(secret);
        if (claimed === null) {
            socket.end(`${RENDEZVOUS_HANDSHAKE}`);
            return;
        }
        socket.write(RENDEZVOUS_HANDSHAKE);
        let gone = false;
        socket.once('close', () => (gone = true));
        const deadline = Date.now() + (this.#options.startTimeoutMs ?? 60_000);
        let attachment = null;
        while (attachment === null && !gone && Date.now() < deadline) {
            attachment = await this.#options.attach(claimed.dynoId);
            if (attachment === null)
                await delay(50);
        }
        if (attachment === null) {
            if (!gone)
                socket.end(`Timed out waiting for the dyno to start\r\n${EXIT_STATUS_MARKER}1\n`);
            this.#options.abandon(claimed.dynoId);
            return;
        }
        const dyno = attachment;
        let ended = false;
        socket.once('close', () => {
            if (!ended)
                this.#options.abandon(claimed.dynoId);
        });
        const input = framed ? frameReader(dyno) : rawReader(dyno, claimed.tty);
        if (rest.length > 0)
            input(rest);
        socket.on('data', input);
        socket.resume();
        let tail = Buffer.alloc(0);
        let sawMarker = false;
        dyno.output.on('data', (chunk) => {
            if (!sawMarker) {
                const window = Buffer.concat([tail, chunk]);
                sawMarker = window.includes(MARKER_BYTES);
                tail = window.subarray(-MARKER_BYTES.length);
            }
            socket.write(chunk);
        });
        await new Promise((resolve) => {
            dyno.output.once('end', resolve);
            dyno.output.once('close', resolve);
        });
        const status = await dyno.exited;
        ended = true;
        if (!gone)
            socket.end(sawMarker ? undefined : `${EXIT_STATUS_MARKER}${status}\n`);
    }
}
/** The heroku CLI's raw stream: bytes to stdin; without a tty a trailing \u0004 ends stdin. */
function rawReader(dyno, tty) {
    return (chunk) => {
        if (!tty && chunk.length > 0 && chunk[chunk.length - 1] === END_OF_TRANSMISSION) {
            if (chunk.length > 1)
                dyno.write(chunk.subarray(0, -1));
            dyno.endInput();
            return;
        }
        dyno.write(chunk);
    };
}
/** Cove's framed stream (see the header). */
function frameReader(dyno) {
    let buffer = Buffer.alloc(0);
    return (chunk) => {
        buffer = Buffer.concat([buffer, chunk]);
        while (buffer.length >= 3) {
            const type = buffer[0];
            const length = buffer.readUInt16BE(1);
            if (buffer.length < 3 + length)
                return;
            const payload = buffer.subarray(3, 3 + length);
            buffer = buffer.subarray(3 + length);
            if (type === FRAME.data)
                dyno.write(payload);
            else if (type === FRAME.resize && payload.length >= 4)
                void dyno.resize(payload.readUInt16BE(0), payload.readUInt16BE(2)).catch(() => undefined);
            else if (type === FRAME.end)
                dyno.endInput();
        }
    };
}
/** One frame of Cove's framed client stream. */
export function encodeFrame(type, payload = Buffer.alloc(0)) {
    const header = Buffer.alloc(3);
    header[0] = type;
    header.writeUInt16BE(payload.length, 1);
    return Buffer.concat([header, payload]);
}
//# sourceMappingURL=rendezvous-server.js.map