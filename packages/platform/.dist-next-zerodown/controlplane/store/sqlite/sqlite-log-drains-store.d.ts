/**
 * LogDrainStore on SQLite (tables: logDrains).
 */
import type { LogDrainStore } from '../log-drains-store.js';
import type { LogDrainRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteLogDrainStore implements LogDrainStore {
    #private;
    constructor(tables: SqliteTables);
    all(): LogDrainRecord[];
    ofApp(appId: string): LogDrainRecord[];
    findOfApp(appId: string, idTokenOrUrl: string): LogDrainRecord | undefined;
    ofSpace(spaceId: string): LogDrainRecord | undefined;
    insert(drain: LogDrainRecord): LogDrainRecord;
    setUrl(drainId: string, url: string, at: string): void;
    remove(drainId: string): void;
}
