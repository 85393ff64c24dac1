import type { AppRecord, ReleaseRecord, UserRecord } from '../store/records.js';
import type { FormationChanges } from '../store/releases-store.js';
import type { Store } from '../store/store.js';
/** The process type Heroku runs once per release, before it goes live. */
export declare const RELEASE_PROCESS_TYPE = "release";
export interface ReleaseChange {
    readonly description: string;
    readonly slugId: string | null;
    readonly config: Record<string, string>;
}
export declare function createRelease(store: Store, app: AppRecord, user: UserRecord, change: ReleaseChange): ReleaseRecord;
/**
 * Ends a release's release phase: succeeded makes it current (and syncs the formation); failed
 * puts the app's config vars back to the live release's, unless a newer release has been made.
 */
export declare function finishRelease(store: Store, release: ReleaseRecord, status: 'succeeded' | 'failed'): void;
/** The app's release by id, or by version (`3`, `v3`); 404 when there is none. */
export declare function findRelease(store: Store, app: AppRecord, idOrVersion: string): ReleaseRecord;
/** Rolls back: a new release with the old release's slug and config vars. */
export declare function rollback(store: Store, app: AppRecord, user: UserRecord, idOrVersion: string): ReleaseRecord;
/** Deploys an uploaded slug of the app with its current config vars. */
export declare function deploySlug(store: Store, app: AppRecord, user: UserRecord, slugId: string, description: string | null): ReleaseRecord;
/**
 * The formation a slug asks for: a row per process type (web starts at 1 on the first deploy,
 * others at 0), commands updated, types the slug no longer has removed.
 */
export declare function formationChanges(store: Store, app: Pick<AppRecord, 'id' | 'spaceId'>, slugId: string, now: string): FormationChanges | null;
