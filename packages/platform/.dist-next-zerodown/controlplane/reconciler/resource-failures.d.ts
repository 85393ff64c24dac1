export interface ResourceFailuresOptions {
    /** First back-off. @default 1000 */
    readonly baseMs?: number;
    /** Longest back-off. @default 30000 */
    readonly capMs?: number;
    /** The clock, for tests. */
    readonly now?: () => number;
}
/** How one failure was judged. */
export interface FailureVerdict {
    readonly permanent: boolean;
    readonly message: string;
    /** Set for retryable failures: when the next attempt may run. */
    readonly retryInMs: number | null;
    /** True the first time this message is seen for the key (report it then, not every pass). */
    readonly isNew: boolean;
}
/** True when the error says retrying cannot help. */
export declare function isPermanent(error: unknown): boolean;
export declare function errorMessage(error: unknown): string;
export declare class ResourceFailures {
    #private;
    constructor(options?: ResourceFailuresOptions);
    /** True while the resource should not be attempted: backing off, or failed for good. */
    waiting(key: string): boolean;
    /** The permanent failure's message, if the resource failed for good. */
    permanentFailure(key: string): string | null;
    /** Records a failed attempt and judges it. */
    failed(key: string, error: unknown): FailureVerdict;
    /** Forgets the resource's failures: it converged. */
    succeeded(key: string): void;
    /** Forgets every key not in `keys` (resources that went away or changed). */
    retain(keys: ReadonlySet<string>): void;
    /** Milliseconds until the earliest pending retry, or null when none is pending. */
    nextRetryInMs(): number | null;
}
