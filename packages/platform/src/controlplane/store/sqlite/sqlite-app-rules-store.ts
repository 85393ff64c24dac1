/**
 * AppRuleStore on SQLite (tables: appInboundRulesets, appCallerLists, appAllowedCallers).
 */
import type { AppRuleStore } from '../app-rules-store.js';
import type { SqliteTables } from './sqlite-store.js';
import type { AppAllowedCallerRecord, AppCallerListRecord, AppInboundRulesetRecord } from '../records.js';

export class SqliteAppRuleStore implements AppRuleStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by seam ---
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
