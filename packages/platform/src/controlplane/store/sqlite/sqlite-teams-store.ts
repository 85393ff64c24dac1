/**
 * TeamStore on SQLite (tables: teams, teamMembers).
 */
import type { TeamStore } from '../teams-store.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteTeamStore implements TeamStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }
}
