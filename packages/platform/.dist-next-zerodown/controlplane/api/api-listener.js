/**
 * One port, two protocols: the API answers plain HTTP and HTTPS on the same address. The heroku
 * CLI derives its git remote (`https://<api host:port>/<app>.git`) from HEROKU_HOST, which
 * may be `http://localhost:PORT`, so TLS must be served exactly there too. The first byte of a
 * connection decides: 0x16 starts a TLS handshake (RFC 8446 §5.1, record type 22).
 *
 * Inside TLS, the first line decides again: an HTTP request line (`METHOD SP target`, RFC 9112
 * §3) goes to the API; anything else is a `heroku run` rendezvous session (its secret line, see
 * dataplane/rendezvous), handed to `onRendezvous` when one is given.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
const TLS_HANDSHAKE = 0x16;
const HTTP_REQUEST_LINE = /^[A-Z]{3,16} /;
export function createApiListener(handler, tls, options = {}) {
    // The heroku CLI's Request-Id header grows to about 7 KB; leave room.
    const http = createHttpServer({ maxHeaderSize: 64 * 1024, keepAliveTimeout: 65_000 }, handler);
    const https = createTlsServer({ cert: tls.cert, key: tls.key }, (socket) => {
        socket.on('error', () => socket.destroy());
        socket.once('data', (chunk) => {
            socket.pause();
            if (options.onRendezvous !== undefined && !HTTP_REQUEST_LINE.test(chunk.subarray(0, 17).toString('latin1'))) {
                options.onRendezvous(socket, chunk);
                return;
            }
            socket.unshift(chunk);
            http.emit('connection', socket);
            process.nextTick(() => socket.resume());
        });
    });
    https.on('tlsClientError', (_error, socket) => socket.destroy());
    const sockets = new Set();
    const server = createNetServer((socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
        socket.once('data', (chunk) => {
            socket.pause();
            socket.unshift(chunk);
            (chunk[0] === TLS_HANDSHAKE ? https : http).emit('connection', socket);
            process.nextTick(() => socket.resume());
        });
    });
    return {
        server,
        http,
        address: () => server.address(),
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            http.closeAllConnections();
            for (const socket of sockets)
                socket.destroy();
        }),
    };
}
//# sourceMappingURL=api-listener.js.map