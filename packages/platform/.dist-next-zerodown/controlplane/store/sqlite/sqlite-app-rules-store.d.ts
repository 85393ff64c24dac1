/**
 * AppRuleStore on SQLite (tables: appInboundRulesets, appCallerLists, appAllowedCallers).
 */
import type { Database } from 'better-sqlite3';
import type { AppRuleStore } from '../app-rules-store.js';
import type { AppAllowedCallerRecord, AppCallerListRecord, AppInboundRulesetRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteAppRuleStore implements AppRuleStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    inboundRuleset(appId: string): AppInboundRulesetRecord | undefined;
    putInboundRuleset(ruleset: AppInboundRulesetRecord): void;
    deleteInboundRuleset(appId: string): void;
    callerList(appId: string): AppCallerListRecord | undefined;
    allowedCallerIds(appId: string): string[];
    putCallerList(list: AppCallerListRecord, callerAppIds: readonly string[]): void;
    deleteCallerList(appId: string): void;
    inboundRulesets(): AppInboundRulesetRecord[];
    callerLists(): AppCallerListRecord[];
    allowedCallers(): AppAllowedCallerRecord[];
}
