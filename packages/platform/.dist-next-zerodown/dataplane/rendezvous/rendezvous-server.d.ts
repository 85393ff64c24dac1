/**
 * Heroku's rendezvous protocol for attached one-off dynos (`heroku run`, `cove run`), over a
 * TLS connection the API listener hands over (see the contract, §11):
 *
 * 1. The client writes the attach URL's path without its leading `/` (the secret, plus any
 *    query) and `\r\n`.
 * 2. The server answers one line on its own, `rendezvous\r\n`: the heroku CLI discards the first
 *    chunk it receives, so no output may share it. It is sent as soon as the secret is known,
 *    while the dyno still starts, so the dyno's first output comes in later chunks.
 * 3. Then the dyno's output flows to the client and the client's bytes to the dyno's stdin. In
 *    the heroku CLI's non-tty mode the client sends `\u0004` after its stdin ended: that ends
 *    the dyno's stdin (on a tty the byte is the terminal's own EOF character anyway).
 * 4. When the command has ended the server writes `\uFFFF heroku-command-exit-status: N` (unless
 *    the command's output already carried that marker, as `heroku run -x` makes it print) and
 *    closes: the CLI exits with N, for `exit 3` as well, which never reaches `-x`'s echo.
 *
 * Cove's own client adds `?frames=1` to the secret line and then sends frames instead of raw
 * bytes, so it can resize the terminal: `[type u8][length u16 BE][payload]`, type 0 stdin bytes,
 * 1 resize (columns u16, lines u16), 2 end of stdin. Output is raw in both modes.
 *
 * A client that goes away before the command ended abandons the dyno (it is stopped).
 */
import type { Duplex } from 'node:stream';
import type { DynoAttachment } from '../../backends/runtime.js';
export declare const RENDEZVOUS_HANDSHAKE = "rendezvous\r\n";
export declare const EXIT_STATUS_MARKER = "\uFFFF heroku-command-exit-status: ";
export declare const FRAME: {
    readonly data: 0;
    readonly resize: 1;
    readonly end: 2;
};
export interface RendezvousOptions {
    /** The dyno a secret opens, once (secrets are single-use); null when unknown or used. */
    claim(secret: string): {
        dynoId: string;
        tty: boolean;
    } | null;
    /** The attached dyno's stream once it runs; null while it does not (yet). */
    attach(dynoId: string): Promise<DynoAttachment | null>;
    /** The client went away before the command ended. */
    abandon(dynoId: string): void;
    /** How long a session waits for its dyno to start. @default 60000 */
    readonly startTimeoutMs?: number;
}
export declare class RendezvousServer {
    #private;
    constructor(options: RendezvousOptions);
    /** Takes over a connection whose first bytes (`head`) have been read already. */
    handle(socket: Duplex, head: Buffer): void;
    /** Ends every session (the server stops). */
    close(): void;
}
/** One frame of Cove's framed client stream. */
export declare function encodeFrame(type: (typeof FRAME)[keyof typeof FRAME], payload?: Buffer): Buffer;
