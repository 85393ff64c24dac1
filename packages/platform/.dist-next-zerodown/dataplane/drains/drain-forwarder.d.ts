/**
 * The drain forwarder: given the feed (which drains exist, which apps each carries) and the
 * stream of lines, hands each line to every drain of its app. Each drain buffers on its own,
 * so a dead or slow drain costs only its bounded buffer. Once a second it reports what drains
 * dropped (the control plane writes those as L10 lines into the apps' streams).
 */
import type { DrainDropReport, DrainFeed, DrainLine } from './drain-feed.js';
import type { DrainOptions } from './buffered-drain.js';
export interface DrainForwarderOptions extends DrainOptions {
    readonly onDrop: (report: DrainDropReport) => void;
    /** How often drops are reported. @default 1000 */
    readonly reportIntervalMs?: number;
}
export declare class DrainForwarder {
    #private;
    constructor(options: DrainForwarderOptions);
    /** Replaces the set of drains; drains whose URL did not change keep their connection and buffer. */
    update(feed: DrainFeed): void;
    push(lines: readonly DrainLine[]): void;
    close(): void;
}
