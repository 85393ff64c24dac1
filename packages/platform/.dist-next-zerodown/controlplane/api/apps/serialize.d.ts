import type { App } from '@cove/schema';
import type { AppRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { ApiOptions } from '../api-context.js';
export declare function appUrls(name: string, options: ApiOptions): {
    web_url: string;
    git_url: string;
};
export declare function serializeApp(store: Store, app: AppRecord, options: ApiOptions): App;
