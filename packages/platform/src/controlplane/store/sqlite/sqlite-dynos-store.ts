/**
 * DynoStore on SQLite (tables: dynos, dynoDrains).
 */
import type { Database } from 'better-sqlite3';
import type { DynoStore } from '../dynos-store.js';
import type { DynoDrainRecord, DynoRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';

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

  markDrained(dynoId: string, at: string): boolean {
    return this.#tables.dynoDrains.update({ drainedAt: at }, 'dyno_id = ? AND drained_at IS NULL', [dynoId]) > 0;
  }

  ofApp(appId: string): DynoRecord[] {
    return this.#tables.dynos.select('app_id = ?', [appId], 'ORDER BY type, number');
  }

  upOfApp(appId: string): DynoRecord[] {
    return this.#tables.dynos.select(`app_id = ? AND state = 'up'`, [appId], 'ORDER BY type, number');
  }

  inSpace(spaceId: string): DynoRecord[] {
    return this.#tables.dynos.select('space_id = ?', [spaceId], 'ORDER BY name');
  }

  findOfApp(appId: string, nameOrId: string): DynoRecord | undefined {
    return this.#tables.dynos.one('app_id = ? AND (name = ? OR id = ?)', [appId, nameOrId, nameOrId]);
  }
}
