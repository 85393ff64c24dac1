/**
 * One port, two protocols: the API answers plain HTTP and HTTPS on the same address. The heroku
 * CLI derives its git remote (`https://<api host:port>/<app>.git`) from HEROKU_HOST, which
 * may be `http://localhost:PORT`, so TLS must be served exactly there too. The first byte of a
 * connection decides: 0x16 starts a TLS handshake (RFC 8446 §5.1, record type 22).
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';

export interface ApiListener {
  readonly server: NetServer;
  readonly http: Server;
  address(): AddressInfo;
  close(): Promise<void>;
}

const TLS_HANDSHAKE = 0x16;

export function createApiListener(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  tls: { cert: string; key: string },
): ApiListener {
  // The heroku CLI's Request-Id header grows to about 7 KB; leave room.
  const options = { maxHeaderSize: 64 * 1024, keepAliveTimeout: 65_000 };
  const http = createHttpServer(options, handler);
  const https = createHttpsServer({ ...options, cert: tls.cert, key: tls.key }, handler);
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === TLS_HANDSHAKE ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return {
    server,
    http,
    address: () => server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        http.closeAllConnections();
        https.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
