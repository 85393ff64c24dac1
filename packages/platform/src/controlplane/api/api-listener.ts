/**
 * One port, two protocols: the API answers plain HTTP and HTTPS on the same address. The heroku
 * CLI derives its git remote (`https://<api host:port>/<app>.git`) from HEROKU_HOST, which
 * may be `http://localhost:PORT`, so TLS must be served exactly there too. The first byte of a
 * connection decides: 0x16 starts a TLS handshake (RFC 8446 §5.1, record type 22).
 *
 * Inside TLS, the first line decides again: an HTTP request line (`METHOD SP target`, RFC 9112
 * §3) goes to the API; anything else is a `heroku run` rendezvous session (its secret line, see
 * dataplane/rendezvous), handed to `onRendezvous` when one is given.
 *
 * The listener listens before the API is ready (the git remote needs its port), so a request
 * that arrives during start-up waits for `serve()` and, if start-up takes longer than
 * `startupWaitMs`, is answered 503 with `Retry-After`: no accepted connection goes unanswered.
 * Every phase of a connection has a deadline: its first byte, the TLS handshake, the request
 * head, and silence in either direction (`IDLE_TIMEOUT_MS`); routes whose exchanges may be
 * quiet for longer (git's build output) raise their own socket's timeout.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { ERROR_IDS } from '@cove/schema';

export interface ApiListener {
  readonly server: NetServer;
  readonly http: Server;
  address(): AddressInfo;
  /** Starts answering requests with `handler` (requests that arrived before then get it too). */
  serve(handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  close(): Promise<void>;
}

export interface ApiListenerOptions {
  readonly onRendezvous?: (socket: TLSSocket, head: Buffer) => void;
  /** How long a request that arrives during start-up waits for `serve()` before its 503. @default 4000 */
  readonly startupWaitMs?: number;
  /** A connection's time to its first byte, and a TLS connection's to its handshake and first record. @default 10000 */
  readonly firstByteTimeoutMs?: number;
  /** The time to a request's complete head. @default 20000 */
  readonly headersTimeoutMs?: number;
  /** Silence (no byte either way) that ends a connection. @default IDLE_TIMEOUT_MS */
  readonly idleTimeoutMs?: number;
}

/** Silence that ends an API connection; long-lived responses (log tails) send heartbeats well inside it. */
export const IDLE_TIMEOUT_MS = 120_000;

const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const TLS_HANDSHAKE = 0x16;
const HTTP_REQUEST_LINE = /^[A-Z]{3,16} /;

/** Destroys `socket` unless its first byte arrives within `ms`; the deadline ends with that byte. */
function firstByteDeadline(socket: Socket, ms: number): void {
  socket.setTimeout(ms, () => socket.destroy());
  socket.once('data', () => socket.setTimeout(0));
}

export function createApiListener(tls: { cert: string; key: string }, options: ApiListenerOptions = {}): ApiListener {
  const firstByteMs = options.firstByteTimeoutMs ?? 10_000;
  const headersMs = options.headersTimeoutMs ?? 20_000;
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const waiting = new Set<() => void>();
  // Node enforces `headersTimeout` only on servers that listen themselves; this one is handed
  // its connections, so the head deadline is kept here: from the connection (or the end of the
  // previous response, plus the keep-alive wait) to a complete request head.
  const headDeadlines = new WeakMap<Socket, NodeJS.Timeout>();
  const armHeadDeadline = (socket: Socket, ms: number): void => {
    clearTimeout(headDeadlines.get(socket));
    const timer = setTimeout(() => socket.destroy(), ms);
    timer.unref();
    headDeadlines.set(socket, timer);
  };
  const early = (req: IncomingMessage, res: ServerResponse): void => {
    const socket = req.socket;
    clearTimeout(headDeadlines.get(socket));
    res.once('finish', () => {
      if (!socket.destroyed) armHeadDeadline(socket, KEEP_ALIVE_TIMEOUT_MS + headersMs);
    });
    if (handler !== null) return handler(req, res);
    const timer = setTimeout(() => {
      waiting.delete(go);
      if (res.headersSent || res.destroyed) return;
      const body = JSON.stringify({ id: 'service_unavailable', message: 'Cove is starting up; try again in a moment.' });
      res
        .writeHead(ERROR_IDS.service_unavailable, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Retry-After': '1', Connection: 'close' })
        .end(body);
    }, options.startupWaitMs ?? 4000);
    const go = (): void => {
      clearTimeout(timer);
      handler?.(req, res);
    };
    waiting.add(go);
    res.once('close', () => {
      clearTimeout(timer);
      waiting.delete(go);
    });
  };
  // The heroku CLI's Request-Id header grows to about 7 KB; leave room. No deadline on a whole
  // request (`requestTimeout`): a git push's pack may take long to upload; silence ends it instead.
  const http = createHttpServer(
    {
      maxHeaderSize: 64 * 1024,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      requestTimeout: 0,
    },
    early,
  );
  http.setTimeout(options.idleTimeoutMs ?? IDLE_TIMEOUT_MS);
  const https = createTlsServer({ cert: tls.cert, key: tls.key, handshakeTimeout: firstByteMs }, (socket) => {
    socket.on('error', () => socket.destroy());
    firstByteDeadline(socket, firstByteMs);
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      if (options.onRendezvous !== undefined && !HTTP_REQUEST_LINE.test(chunk.subarray(0, 17).toString('latin1'))) {
        options.onRendezvous(socket, chunk);
        return;
      }
      socket.unshift(chunk);
      armHeadDeadline(socket, headersMs);
      socket.once('close', () => clearTimeout(headDeadlines.get(socket)));
      http.emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  https.on('tlsClientError', (_error, socket) => socket.destroy());
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    firstByteDeadline(socket, firstByteMs);
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      socket.unshift(chunk);
      if (chunk[0] !== TLS_HANDSHAKE) {
        armHeadDeadline(socket, headersMs);
        socket.once('close', () => clearTimeout(headDeadlines.get(socket)));
      }
      (chunk[0] === TLS_HANDSHAKE ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return {
    server,
    http,
    address: () => server.address() as AddressInfo,
    serve(h) {
      handler = h;
      for (const go of waiting) go();
      waiting.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        http.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
