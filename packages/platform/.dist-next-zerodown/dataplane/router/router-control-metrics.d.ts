/**
 * How the router's control of HAProxy went, in Prometheus' text format: admin commands sent
 * again after their connection failed, routing changes the serving process refused or could
 * not take (then converged by a new generation), and new generations by cause.
 */
/** Why a new HAProxy generation was loaded. */
export type ReloadCause = 'start' | 'config' | 'slots' | 'admin-failure';
export declare class RouterControlMetrics {
    #private;
    adminRetry(): void;
    adminFailure(): void;
    reload(cause: ReloadCause): void;
    /** Reloads so far by cause (tests, logs). */
    get reloads(): ReadonlyMap<ReloadCause, number>;
    render(): string;
}
