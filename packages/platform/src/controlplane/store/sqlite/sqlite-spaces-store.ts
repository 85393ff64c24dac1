/**
 * SpaceStore on SQLite (tables: spaces, spaceZones, spaceMembers).
 */
import type { SpaceStore } from '../spaces-store.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteSpaceStore implements SpaceStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }
}
