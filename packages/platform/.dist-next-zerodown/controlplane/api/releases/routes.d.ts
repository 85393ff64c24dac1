/**
 * Releases: list (Range on `version`, `order=desc`, `max`), info by id or version, config vars
 * at a release, and `POST /apps/:app/releases` with `{slug}` (deploy a slug) or `{release}`
 * (roll back: a new release with the old slug and config).
 */
import { type Release } from '@cove/schema';
import type { AppRecord, ReleaseRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { ApiContext } from '../api-context.js';
import { type ApiServer } from '../api-server.js';
export declare function serializeRelease(store: Store, app: AppRecord, release: ReleaseRecord, currentId: string | undefined): Release;
export declare function registerReleaseRoutes(app: ApiServer, { store }: ApiContext): void;
