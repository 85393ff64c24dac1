import type { AppRecord, OneOffDynoRecord, ReleaseRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
/** Heroku's limit on `time_to_live` (and its default): 24 hours. */
export declare const MAX_TIME_TO_LIVE_SECONDS = 86400;
export declare function hashSecret(secret: string): string;
export interface OneOffRequest {
    readonly type: string;
    readonly command: string;
    readonly size: string;
    readonly env: Record<string, string>;
    readonly attach: boolean;
    readonly tty: boolean;
    readonly columns: number | null;
    readonly lines: number | null;
    readonly timeToLiveSeconds: number;
}
export interface CreatedOneOffDyno {
    readonly record: OneOffDynoRecord;
    /** The rendezvous secret of an attached dyno (only its hash is kept). */
    readonly secret: string | null;
    /** The release it runs: the app's current one. */
    readonly release: ReleaseRecord;
}
/**
 * Records a one-off dyno `<type>.<random number>` at the app's current release; a 409 (which
 * the heroku CLI retries) while no release with an uploaded slug is live.
 */
export declare function createOneOffDyno(store: Store, app: AppRecord, request: OneOffRequest): CreatedOneOffDyno;
/** Removes the app's one-off dyno named `name` (the reconciler stops it); false when none. */
export declare function stopOneOffDyno(store: Store, app: AppRecord, name: string): boolean;
/** Forgets a one-off dyno by id (its session went away): it is never started again. */
export declare function forgetOneOffDyno(store: Store, dynoId: string): void;
/** The one-off dyno an attach secret opens; the secret is spent by the call. */
export declare function claimRendezvousSecret(store: Store, secret: string): {
    dynoId: string;
    tty: boolean;
} | null;
