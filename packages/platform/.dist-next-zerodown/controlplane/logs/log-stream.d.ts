/**
 * A log session's Server-Sent Events stream (the heroku CLI reads it with the `eventsource`
 * package): one event per line, `id:` the line's sequence number so a reconnecting tail
 * (`Last-Event-ID`) resumes where it left off. A non-tail session sends its history and closes
 * (the CLI exits on close); a tail stays open, gets every new matching line as it is appended,
 * and ends when the session expires (or, at the next heartbeat, when the app is destroyed).
 */
import type { ServerResponse } from 'node:http';
import type { LogLineRecord } from '../store/records.js';
import { type Store } from '../store/store.js';
import type { LogSession } from './log-session-token.js';
export interface LogStreamOptions {
    /** A comment line this often keeps idle tails (and proxies, and fetch's body timeout) alive. @default 25_000 */
    readonly heartbeatMs?: number;
    /**
     * A tail whose client reads slower than lines arrive is cut once this much is queued; the
     * client reconnects with `Last-Event-ID` and catches up from the store. @default 1 MiB
     */
    readonly maxQueuedBytes?: number;
}
/** `id:` and `data:` lines of one event (a message with newlines becomes several `data:` lines). */
export declare function sseEvent(line: LogLineRecord): string;
/** Writes the stream to `res` (headers included); returns when it is set up, not when it ends. */
export declare function serveLogStream(store: Store, res: ServerResponse, session: LogSession, lastEventId: number | null, options?: LogStreamOptions): void;
