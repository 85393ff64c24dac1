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
import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, type Server as NetServer } from 'node:net';
import { type TLSSocket } from 'node:tls';
export interface ApiListener {
    readonly server: NetServer;
    readonly http: Server;
    address(): AddressInfo;
    close(): Promise<void>;
}
export declare function createApiListener(handler: (req: IncomingMessage, res: ServerResponse) => void, tls: {
    cert: string;
    key: string;
}, options?: {
    onRendezvous?: (socket: TLSSocket, head: Buffer) => void;
}): ApiListener;
