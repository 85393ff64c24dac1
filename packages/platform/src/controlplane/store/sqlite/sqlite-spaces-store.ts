/**
 * SpaceStore on SQLite (tables: spaces, spaceZones, spaceMembers).
 */
import type { SpaceStore } from '../spaces-store.js';
import type { SqliteTables } from './sqlite-store.js';
import type { SpaceRecord } from '../records.js';

export class SqliteSpaceStore implements SpaceStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by seam ---
  list(): SpaceRecord[] {
    return this.#tables.spaces.select('');
  }
}
