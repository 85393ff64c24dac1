/**
 * DynoStore on SQLite (tables: dynos, dynoDrains).
 */
import type { Database } from 'better-sqlite3';
import type { DynoDrainRecord, DynoRecord } from '../records.js';
import type { DynoStore } from '../dynos-store.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteDynoStore implements DynoStore {
  readonly #tables: SqliteTables;
  readonly #db: Database;

  constructor(tables: SqliteTables, db: Database) {
    this.#tables = tables;
    this.#db = db;
  }

  list(): DynoRecord[] {
    return this.#tables.dynos.select('');
  }

  replaceObserved(dynos: readonly DynoRecord[]): void {
    this.#db.transaction(() => {
      this.#tables.dynos.delete('1 = 1');
      for (const dyno of dynos) this.#tables.dynos.insert(dyno);
    })();
  }

  forgetInSpace(spaceId: string): void {
    this.#tables.dynos.delete('space_id = ?', [spaceId]);
  }

  drainOf(dynoId: string): DynoDrainRecord | undefined {
    return this.#tables.dynoDrains.one('dyno_id = ?', [dynoId]);
  }

  startDrain(drain: DynoDrainRecord): void {
    this.#tables.dynoDrains.insert(drain);
  }

  drains(): DynoDrainRecord[] {
    return this.#tables.dynoDrains.select('');
  }

  forgetDrain(dynoId: string): void {
    this.#tables.dynoDrains.delete('dyno_id = ?', [dynoId]);
  }
}
