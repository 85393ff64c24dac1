/**
 * Named operations on releases and slugs. Implemented by ./sqlite/sqlite-releases-store.ts; no SQL outside it.
 */
import type { ReleaseRecord, SlugRecord } from './records.js';

export interface ReleaseStore {
  // --- used by api1 ---
  /** The release that is live: the app's newest succeeded one. */
  current(appId: string): ReleaseRecord | undefined;
  /** The slug with this id. */
  slug(slugId: string): SlugRecord | undefined;
}
