/**
 * OneOffDynoStore on SQLite (tables: oneOffDynos).
 */
import type { Database } from 'better-sqlite3';
import type { OneOffDynoStore } from '../one-off-dynos-store.js';
import type { OneOffDynoRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteOneOffDynoStore implements OneOffDynoStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    ofApp(appId: string): OneOffDynoRecord[];
    insert(dyno: OneOffDynoRecord): OneOffDynoRecord;
    removeOfApp(appId: string, nameOrId: string): boolean;
    remove(dynoId: string): boolean;
    claimSecret(secretHash: string, at: string): OneOffDynoRecord | undefined;
    all(): OneOffDynoRecord[];
    markStarted(dynoId: string): void;
}
