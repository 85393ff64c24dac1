/**
 * DynoStore on SQLite (tables: dynos, dynoDrains).
 */
import type { DynoStore } from '../dynos-store.js';
import type { SqliteTables } from './sqlite-store.js';
import type { DynoDrainRecord, DynoRecord } from '../records.js';

export class SqliteDynoStore implements DynoStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by seam ---
  list(): DynoRecord[] {
    return this.#tables.dynos.select('');
  }

  drains(): DynoDrainRecord[] {
    return this.#tables.dynoDrains.select('');
  }

  markDrained(dynoId: string, at: string): boolean {
    return this.#tables.dynoDrains.update({ drainedAt: at }, 'dyno_id = ? AND drained_at IS NULL', [dynoId]) > 0;
  }
}
