/**
 * AppRuleStore on SQLite (tables: appInboundRulesets, appCallerLists, appAllowedCallers).
 */
import type { Database } from 'better-sqlite3';
import type { AppRuleStore } from '../app-rules-store.js';
import type { AppAllowedCallerRecord, AppCallerListRecord, AppInboundRulesetRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';

export class SqliteAppRuleStore implements AppRuleStore {
  readonly #tables: SqliteTables;
  readonly #db: Database;

  constructor(tables: SqliteTables, db: Database) {
    this.#tables = tables;
    this.#db = db;
  }

  inboundRuleset(appId: string): AppInboundRulesetRecord | undefined {
    return this.#tables.appInboundRulesets.one('app_id = ?', [appId]);
  }

  putInboundRuleset(ruleset: AppInboundRulesetRecord): void {
    this.#db.transaction(() => {
      this.#tables.appInboundRulesets.delete('app_id = ?', [ruleset.appId]);
      this.#tables.appInboundRulesets.insert(ruleset);
    })();
  }

  deleteInboundRuleset(appId: string): void {
    this.#tables.appInboundRulesets.delete('app_id = ?', [appId]);
  }

  callerList(appId: string): AppCallerListRecord | undefined {
    return this.#tables.appCallerLists.one('app_id = ?', [appId]);
  }

  allowedCallerIds(appId: string): string[] {
    return this.#tables.appAllowedCallers.select('app_id = ?', [appId]).map((c) => c.callerAppId);
  }

  putCallerList(list: AppCallerListRecord, callerAppIds: readonly string[]): void {
    this.#db.transaction(() => {
      this.#tables.appCallerLists.delete('app_id = ?', [list.appId]);
      this.#tables.appCallerLists.insert(list);
      for (const callerAppId of callerAppIds) this.#tables.appAllowedCallers.insert({ appId: list.appId, callerAppId });
    })();
  }

  deleteCallerList(appId: string): void {
    this.#tables.appCallerLists.delete('app_id = ?', [appId]);
  }

  inboundRulesets(): AppInboundRulesetRecord[] {
    return this.#tables.appInboundRulesets.select('');
  }

  callerLists(): AppCallerListRecord[] {
    return this.#tables.appCallerLists.select('');
  }

  allowedCallers(): AppAllowedCallerRecord[] {
    return this.#tables.appAllowedCallers.select('');
  }
}
