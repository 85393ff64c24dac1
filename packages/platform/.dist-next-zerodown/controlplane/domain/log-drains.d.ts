import type { AppRecord, LogDrainRecord, SpaceRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
/** Heroku's limit of drains per app (Cedar). */
export declare const MAX_DRAINS_PER_APP = 5;
/** Checks a drain URL; returns it normalised. */
export declare function validateDrainUrl(value: unknown): string;
/** A space's drain from `POST /spaces` `log_drain_url` (Heroku's Private Space Logging is set at creation). */
export declare function insertSpaceDrain(store: Store, spaceId: string, url: string): LogDrainRecord;
/** Adds a drain (URL already validated) to the app: each URL once, at most MAX_DRAINS_PER_APP. */
export declare function addAppDrain(store: Store, app: AppRecord, user: UserRecord, url: string): LogDrainRecord;
/** The app's drain by id, token or URL; 404 when there is none. */
export declare function findAppDrain(store: Store, app: AppRecord, query: string): LogDrainRecord;
/** Removes the app's drain named by id, token or URL; returns it. */
export declare function removeAppDrain(store: Store, app: AppRecord, user: UserRecord, query: string): LogDrainRecord;
/** The space's drain; 404 when it has none. */
export declare function findSpaceDrain(store: Store, space: SpaceRecord): LogDrainRecord;
/** Sets the space's drain (URL already validated), adding it or pointing it elsewhere. */
export declare function setSpaceDrain(store: Store, space: SpaceRecord, url: string): LogDrainRecord;
