import type { Dyno } from '@cove/schema';
import type { AppRecord, DynoRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
/** A dyno as Heroku shows it; `extended` for `ps -x`. */
export declare function serializeDyno(store: Store, app: AppRecord, dyno: DynoRecord, region: string): Dyno;
