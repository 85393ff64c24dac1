/**
 * ReleaseStore on SQLite (tables: releases, slugs).
 */
import type { ReleaseStore } from '../releases-store.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteReleaseStore implements ReleaseStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }
}
