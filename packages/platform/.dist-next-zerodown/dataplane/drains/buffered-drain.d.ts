/**
 * What every drain shares: lines wait in a bounded DrainBuffer until the transport takes them,
 * and a failed delivery is retried after a back-off that doubles from 200 ms up to 10 s and
 * starts over once something is delivered. Subclasses say how lines leave (`pump`) and what
 * to let go of on close (`release`).
 */
import { DrainBuffer, type DroppedLines } from './drain-buffer.js';
import type { DrainLine, DrainTarget } from './drain-feed.js';
export interface DrainOptions {
    /** Lines kept while the drain cannot take them. */
    readonly capacity: number;
    /** Trusted CA certificates (PEM) for TLS drains. */
    readonly ca: readonly string[];
    /** Connect and request timeout. @default 10_000 */
    readonly timeoutMs?: number;
}
/** What the forwarder sees of any drain. */
export interface Drain {
    target: DrainTarget;
    push(line: DrainLine): void;
    takeDropped(): Map<string, DroppedLines>;
    close(): void;
}
export declare abstract class BufferedDrain implements Drain {
    #private;
    target: DrainTarget;
    protected readonly url: URL;
    protected readonly options: DrainOptions;
    protected readonly buffer: DrainBuffer;
    protected closed: boolean;
    constructor(target: DrainTarget, options: DrainOptions);
    push(line: DrainLine): void;
    takeDropped(): Map<string, DroppedLines>;
    close(): void;
    /** A retry is scheduled. */
    protected get retrying(): boolean;
    /** Runs `again` after the current back-off, which then doubles. */
    protected retryLater(again: () => void): void;
    /** The transport took lines: the next failure waits the shortest back-off again. */
    protected delivered(): void;
    /** Sends what the buffer holds, as far as the transport can take it now. */
    protected abstract pump(): void;
    /** Lets go of connections and requests. */
    protected abstract release(): void;
}
