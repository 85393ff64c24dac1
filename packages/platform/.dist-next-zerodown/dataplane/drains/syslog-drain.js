/**
 * Delivery to a `syslog://` (TCP) or `syslog+tls://` drain: one long-lived connection, frames
 * written only while the socket's own buffer is small (a receiver that stops reading cannot
 * make this process hold more than its DrainBuffer), reconnects with back-off. TLS verifies
 * the receiver's certificate against the system CAs plus Cove's local CA.
 */
import net from 'node:net';
import tls from 'node:tls';
import { BufferedDrain } from './buffered-drain.js';
import { syslogFrame } from './syslog-message.js';
/** Bytes queued in the socket before we stop writing and let the DrainBuffer hold lines. */
const SOCKET_HIGH_WATER = 64 * 1024;
/** `[::1]` → `::1`: URL keeps brackets, sockets want the bare address. */
export function urlHost(url) {
    return url.hostname.replace(/^\[(.*)\]$/, '$1');
}
export class SyslogDrain extends BufferedDrain {
    #socket = null;
    #connected = false;
    release() {
        this.#socket?.destroy();
    }
    pump() {
        if (this.closed)
            return;
        const socket = this.#socket;
        if (socket === null || !this.#connected) {
            if (socket === null && !this.retrying)
                this.#connect();
            return;
        }
        while (this.buffer.length > 0 && socket.writableLength < SOCKET_HIGH_WATER) {
            const line = this.buffer.shift();
            if (line !== undefined)
                socket.write(syslogFrame(line, this.target.apps[line.appId] ?? this.target.token));
        }
    }
    #connect() {
        const host = urlHost(this.url);
        const port = Number(this.url.port);
        const secure = this.url.protocol === 'syslog+tls:';
        const socket = secure
            ? tls.connect({ host, port, ca: [...tls.rootCertificates, ...this.options.ca], ...(net.isIP(host) === 0 ? { servername: host } : {}) })
            : net.connect({ host, port });
        this.#socket = socket;
        socket.setTimeout(this.options.timeoutMs ?? 10_000, () => socket.destroy());
        socket.once(secure ? 'secureConnect' : 'connect', () => {
            socket.setTimeout(0);
            socket.setKeepAlive(true, 30_000);
            socket.setNoDelay(true);
            this.#connected = true;
            this.delivered();
            this.pump();
        });
        socket.on('drain', () => this.pump());
        socket.on('data', () => { }); // receivers have nothing to say; keep the socket flowing
        socket.on('error', () => { }); // 'close' follows and schedules the retry
        socket.on('close', () => {
            this.#socket = null;
            this.#connected = false;
            if (this.closed)
                return;
            this.retryLater(() => {
                if (this.buffer.length > 0)
                    this.#connect();
            });
        });
    }
}
//# sourceMappingURL=syslog-drain.js.map