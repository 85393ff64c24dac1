import type { DrainDropReport, DrainFeed, DrainLine } from './drain-feed.js';
/** Parent → child. */
export type DrainProcessRequest = {
    readonly type: 'init';
    readonly capacity: number;
    readonly ca: readonly string[];
} | {
    readonly type: 'feed';
    readonly feed: DrainFeed;
} | {
    readonly type: 'lines';
    readonly lines: readonly DrainLine[];
} | {
    readonly type: 'close';
};
/** Child → parent. */
export type DrainProcessEvent = {
    readonly type: 'ready';
} | {
    readonly type: 'dropped';
    readonly report: DrainDropReport;
};
export interface DrainProcessOptions {
    /** Lines each drain buffers. */
    readonly capacity: number;
    /** Extra trusted CAs (PEM), e.g. Cove's local CA. */
    readonly ca: readonly string[];
    readonly onDrop: (report: DrainDropReport) => void;
    /** Called when the child exits without `close()`; it is restarted with back-off. */
    readonly onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
    /** Called when a restarted child is ready, with the last feed (lines sent meanwhile were lost). */
    readonly onRestart?: () => void;
    /** The child's entry point. @default dist/bin/drains.js of this package */
    readonly entry?: string;
}
export declare class DrainProcessError extends Error {
    readonly name = "DrainProcessError";
}
export declare class DrainProcess {
    #private;
    constructor(options: DrainProcessOptions);
    get pid(): number | undefined;
    /** True while a ready child runs (lines pushed otherwise are lost: hold them back). */
    get running(): boolean;
    /** True while the IPC channel is backed up: the caller should hold lines back. */
    get busy(): boolean;
    start(): Promise<void>;
    update(feed: DrainFeed): void;
    push(lines: readonly DrainLine[]): void;
    close(): Promise<void>;
}
