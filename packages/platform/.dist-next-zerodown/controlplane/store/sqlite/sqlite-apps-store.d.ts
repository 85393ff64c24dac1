/**
 * AppStore on SQLite (table: apps; the app's other rows go with it by ON DELETE CASCADE).
 */
import type { Database } from 'better-sqlite3';
import type { AppPatch, AppStore } from '../apps-store.js';
import type { AppRecord, ReleaseRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteAppStore implements AppStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    byNameOrId(nameOrId: string): AppRecord | undefined;
    byId(id: string): AppRecord | undefined;
    list(): AppRecord[];
    inSpace(spaceId: string): AppRecord[];
    create(app: AppRecord, firstRelease?: Omit<ReleaseRecord, 'appId' | 'version'>): boolean;
    update(appId: string, patch: AppPatch, at: string): AppRecord | undefined;
    destroy(appId: string): void;
    setBuildpackDescription(appId: string, description: string | null): void;
}
