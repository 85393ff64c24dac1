/**
 * DynoStore on SQLite (tables: dynos, dynoDrains).
 */
import type { Database } from 'better-sqlite3';
import type { DynoStore } from '../dynos-store.js';
import type { DynoDrainRecord, DynoRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteDynoStore implements DynoStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    list(): DynoRecord[];
    replaceObserved(dynos: readonly DynoRecord[]): void;
    forgetInSpace(spaceId: string): void;
    drainOf(dynoId: string): DynoDrainRecord | undefined;
    startDrain(drain: DynoDrainRecord): void;
    drains(): DynoDrainRecord[];
    forgetDrain(dynoId: string): void;
    markDrained(dynoId: string, at: string): boolean;
    ofApp(appId: string): DynoRecord[];
    upOfApp(appId: string): DynoRecord[];
    inSpace(spaceId: string): DynoRecord[];
    findOfApp(appId: string, nameOrId: string): DynoRecord | undefined;
}
