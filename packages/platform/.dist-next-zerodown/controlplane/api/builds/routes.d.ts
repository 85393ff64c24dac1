import { type Build } from '@cove/schema';
import type { AppRecord, BuildRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { ApiContext, ApiOptions } from '../api-context.js';
import { type ApiServer } from '../api-server.js';
export declare function serializeBuild(store: Store, options: ApiOptions, app: AppRecord, build: BuildRecord, base: string): Build;
export declare function registerBuildRoutes(app: ApiServer, { store, options, builder }: ApiContext): void;
