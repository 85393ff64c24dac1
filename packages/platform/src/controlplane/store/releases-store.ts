/**
 * Named operations on releases and slugs. Implemented by ./sqlite/sqlite-releases-store.ts; no SQL outside it.
 */
import type { ReleaseRecord, SlugRecord } from './records.js';

export interface ReleaseStore {
  // --- used by recon ---
  /** The release that is live: the newest succeeded one. */
  current(appId: string): ReleaseRecord | undefined;
  /** The release with this id. */
  byId(releaseId: string): ReleaseRecord | undefined;
  /** The app's newest release, whatever its status. */
  latest(appId: string): ReleaseRecord | undefined;
  /** Releases waiting for their release phase, newest first. */
  pending(): ReleaseRecord[];
  /** The slug with this id. */
  slug(slugId: string): SlugRecord | undefined;
}
