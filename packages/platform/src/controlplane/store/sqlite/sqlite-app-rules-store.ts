/**
 * AppRuleStore on SQLite (tables: appInboundRulesets, appCallerLists, appAllowedCallers).
 */
import type { AppRuleStore } from '../app-rules-store.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteAppRuleStore implements AppRuleStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }
}
