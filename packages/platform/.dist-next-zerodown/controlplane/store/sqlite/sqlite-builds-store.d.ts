/**
 * BuildStore on SQLite (tables: builds, buildpackInstallations).
 */
import type { Database } from 'better-sqlite3';
import type { BuildStore } from '../builds-store.js';
import type { BuildRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteBuildStore implements BuildStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    insert(build: BuildRecord): BuildRecord;
    byId(buildId: string): BuildRecord | undefined;
    byIdOfApp(appId: string, buildId: string): BuildRecord | undefined;
    ofApp(appId: string): BuildRecord[];
    recordRelease(buildId: string, releaseId: string, at: string): void;
    finish(buildId: string, result: Pick<BuildRecord, 'status' | 'failure' | 'slugId'>, at: string): void;
    failPending(failure: string, at: string): void;
    buildpacks(appId: string): string[];
    setBuildpacks(appId: string, urls: readonly string[]): void;
}
