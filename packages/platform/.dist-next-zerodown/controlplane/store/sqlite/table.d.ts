/**
 * Maps one record type to one SQLite table: camelCase fields ↔ snake_case columns, booleans
 * as 0/1, arrays and objects as JSON text. Keeps the store's SQL to the queries that matter.
 */
import type { Database } from 'better-sqlite3';
type Kind = 'text' | 'int' | 'bool' | 'json';
export declare class Table<R extends object> {
    #private;
    readonly name: string;
    constructor(db: Database, name: string, fields: {
        [K in keyof R & string]: Kind;
    });
    /** The quoted column for a field, for hand-written WHERE clauses. */
    column(field: keyof R & string): string;
    insert(record: R): R;
    /** Rows matching `where` (SQL after WHERE, with ? placeholders), decoded. */
    select(where: string, params?: readonly unknown[], suffix?: string): R[];
    one(where: string, params?: readonly unknown[]): R | undefined;
    /** Updates the given fields of the rows matching `where`; returns the number changed. */
    update(patch: Partial<R>, where: string, params?: readonly unknown[]): number;
    delete(where: string, params?: readonly unknown[]): number;
}
export {};
