/**
 * FormationStore on SQLite (tables: formations).
 */
import type { Database } from 'better-sqlite3';
import type { FormationScale, FormationStore } from '../formations-store.js';
import type { FormationRecord } from '../records.js';
import type { FormationChanges } from '../releases-store.js';
import type { SqliteTables } from './sqlite-tables.js';
/** Writes a release's formation changes; the caller holds the transaction. */
export declare function applyFormationChanges(tables: SqliteTables, changes: FormationChanges): void;
export declare class SqliteFormationStore implements FormationStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    list(appId: string): FormationRecord[];
    ofType(appId: string, type: string): FormationRecord | undefined;
    scale(changes: readonly FormationScale[], at: string): void;
    restartTypes(formationIds: readonly string[], at: string): void;
    restartDyno(formationId: string, number: number, at: string): void;
}
