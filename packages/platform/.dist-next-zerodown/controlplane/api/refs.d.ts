/**
 * The small `{id, name}` references every Heroku resource embeds, and the region object.
 */
import type { Ref, Region } from '@cove/schema';
import type { AppRecord, TeamRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
export declare function regionRef(name: string): Ref;
export declare function regionObject(name: string): Region;
export declare function stackRef(name: string): Ref;
export declare function teamRef(team: TeamRecord): Ref;
export declare function appRef(app: AppRecord): Ref;
export declare function userRef(store: Store, userId: string): {
    id: string;
    email: string;
};
