/**
 * `app[api]` lines: what the API did to an app and who asked, in the app's log stream as on
 * Heroku (`Set GREETING config vars by user dev@example.com`, `Release v3 created by user …`).
 */
import type { AppRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
export declare function logApiAction(store: Store, app: Pick<AppRecord, 'id'>, user: Pick<UserRecord, 'email'>, action: string): void;
