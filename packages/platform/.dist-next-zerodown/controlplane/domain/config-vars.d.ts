import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
/** Applies a config-var change to an app; returns the app's config vars afterwards. */
export declare function updateConfigVars(store: Store, actor: UserRecord, nameOrId: string, changes: Readonly<Record<string, unknown>>): Record<string, string>;
