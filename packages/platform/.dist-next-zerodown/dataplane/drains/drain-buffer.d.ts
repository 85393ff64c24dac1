/**
 * A drain's bounded FIFO: while a drain cannot keep up (down, slow, unreachable) it keeps the
 * newest `capacity` lines and drops the oldest, counting what it dropped per app so the
 * forwarder can say so (L10). Memory per drain is bounded whatever the drain does.
 */
import type { DrainLine } from './drain-feed.js';
export interface DroppedLines {
    count: number;
    since: string;
}
export declare class DrainBuffer {
    #private;
    readonly capacity: number;
    constructor(capacity: number);
    get length(): number;
    push(line: DrainLine): void;
    /** Counts a line as dropped (the buffer overflowed, or the drain refused it). */
    drop(line: DrainLine | undefined): void;
    shift(): DrainLine | undefined;
    /** Puts lines back at the front (a batch that failed), within capacity. */
    unshift(lines: readonly DrainLine[]): void;
    hasDropped(): boolean;
    /** What was dropped since the last call, per app; resets the counts. */
    takeDropped(): Map<string, DroppedLines>;
}
