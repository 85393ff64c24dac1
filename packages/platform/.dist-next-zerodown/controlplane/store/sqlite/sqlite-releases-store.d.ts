/**
 * ReleaseStore on SQLite (tables: releases, slugs; writes apps and formations with a release).
 */
import type { Database } from 'better-sqlite3';
import type { ReleaseRecord, ReleaseStatus, SlugRecord } from '../records.js';
import type { ReleaseEffects, ReleaseStore } from '../releases-store.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteReleaseStore implements ReleaseStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    current(appId: string): ReleaseRecord | undefined;
    newest(appId: string): ReleaseRecord | undefined;
    list(appId: string): ReleaseRecord[];
    byId(releaseId: string): ReleaseRecord | undefined;
    byIdOfApp(appId: string, releaseId: string): ReleaseRecord | undefined;
    byVersion(appId: string, version: number): ReleaseRecord | undefined;
    create(release: Omit<ReleaseRecord, 'version'>, effects: ReleaseEffects): ReleaseRecord;
    finish(releaseId: string, status: Exclude<ReleaseStatus, 'pending'>, at: string, effects: ReleaseEffects): boolean;
    slug(slugId: string): SlugRecord | undefined;
    slugOfApp(appId: string, slugId: string): SlugRecord | undefined;
    insertSlug(slug: SlugRecord): SlugRecord;
    markSlugUploaded(slugId: string, fields: Pick<SlugRecord, 'size' | 'checksum' | 'updatedAt'>): void;
    pending(): ReleaseRecord[];
}
