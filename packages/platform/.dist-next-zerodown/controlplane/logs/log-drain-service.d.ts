import type { Logger } from '../../shared/log.js';
import type { Store } from '../store/store.js';
export interface LogDrainServiceOptions {
    /** Lines each drain buffers while it cannot deliver. */
    readonly capacity: number;
    /** Extra trusted CAs (PEM) for TLS drains: Cove's local CA. */
    readonly ca: readonly string[];
    readonly log: Logger;
    /** Lines held here while the IPC channel is backed up; older ones are dropped (L10). @default 10_000 */
    readonly maxPendingLines?: number;
    /** The child's entry point (tests). */
    readonly entry?: string;
}
/** The L10 line Heroku writes when a drain's buffer overflows. */
export declare function l10Message(token: string | null, count: number, since: string): string;
export declare class LogDrainService {
    #private;
    constructor(store: Store, options: LogDrainServiceOptions);
    /** The forwarder child's pid while it runs (none while no drain exists). */
    get pid(): number | undefined;
    start(): void;
    close(): Promise<void>;
}
