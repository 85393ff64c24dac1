/**
 * OneOffDynoStore on SQLite (tables: oneOffDynos).
 */
import type { OneOffDynoStore } from '../one-off-dynos-store.js';
import type { OneOffDynoRecord } from '../records.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteOneOffDynoStore implements OneOffDynoStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by recon ---
  all(): OneOffDynoRecord[] {
    return this.#tables.oneOffDynos.select('', [], 'ORDER BY created_at');
  }

  markStarted(dynoId: string): void {
    this.#tables.oneOffDynos.update({ state: 'started', updatedAt: new Date().toISOString() }, "id = ? AND state = 'pending'", [dynoId]);
  }

  forgetEnded(dynoId: string): void {
    this.#tables.oneOffDynos.delete('id = ?', [dynoId]);
  }
}
