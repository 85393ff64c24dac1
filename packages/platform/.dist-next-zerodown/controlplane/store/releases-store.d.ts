/**
 * Named operations on releases and slugs. Implemented by ./sqlite/sqlite-releases-store.ts; no SQL outside it.
 */
import type { AppRecord, FormationRecord, ReleaseRecord, ReleaseStatus, SlugRecord } from './records.js';
/**
 * How a release changes the app's process formation, worked out by the domain (domain/releases.ts)
 * and written in the same transaction as the release.
 */
export interface FormationChanges {
    /** When (updatedAt of changed rows). */
    readonly at: string;
    readonly insert: readonly FormationRecord[];
    readonly setCommand: readonly {
        readonly id: string;
        readonly command: string;
    }[];
    readonly remove: readonly string[];
}
/** What making or finishing a release writes besides the release row, all in one transaction. */
export interface ReleaseEffects {
    /** Fields of the app to change (config vars, releasedAt, updatedAt). */
    readonly app: Partial<Pick<AppRecord, 'config' | 'releasedAt' | 'updatedAt'>>;
    readonly formation: FormationChanges | null;
}
export interface ReleaseStore {
    /** The release that is live: the newest succeeded one. */
    current(appId: string): ReleaseRecord | undefined;
    /** The app's newest release, whatever its status. */
    newest(appId: string): ReleaseRecord | undefined;
    /** Every release of the app, oldest first. */
    list(appId: string): ReleaseRecord[];
    /** A release by id, of any app. */
    byId(releaseId: string): ReleaseRecord | undefined;
    /** The app's release with this id. */
    byIdOfApp(appId: string, releaseId: string): ReleaseRecord | undefined;
    /** The app's release with this version. */
    byVersion(appId: string, version: number): ReleaseRecord | undefined;
    /** Records a release with the app's next version number, and its effects, in one transaction. */
    create(release: Omit<ReleaseRecord, 'version'>, effects: ReleaseEffects): ReleaseRecord;
    /**
     * Ends a pending release's release phase with `status` and applies its effects, in one
     * transaction; false when the release was no longer pending (its status is then left alone).
     */
    finish(releaseId: string, status: Exclude<ReleaseStatus, 'pending'>, at: string, effects: ReleaseEffects): boolean;
    /** A slug by id, of any app. */
    slug(slugId: string): SlugRecord | undefined;
    /** The app's slug with this id. */
    slugOfApp(appId: string, slugId: string): SlugRecord | undefined;
    /** Records a new slug (not yet uploaded). */
    insertSlug(slug: SlugRecord): SlugRecord;
    /** Marks a slug's tarball stored, with its size and checksum. */
    markSlugUploaded(slugId: string, fields: Pick<SlugRecord, 'size' | 'checksum' | 'updatedAt'>): void;
    /** Releases waiting for their release phase, newest first. */
    pending(): ReleaseRecord[];
}
