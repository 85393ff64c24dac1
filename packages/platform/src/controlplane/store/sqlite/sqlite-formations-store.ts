/**
 * FormationStore on SQLite (tables: formations).
 */
import type { FormationStore } from '../formations-store.js';
import type { FormationRecord } from '../records.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteFormationStore implements FormationStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by recon ---
  ofApp(appId: string): FormationRecord[] {
    return this.#tables.formations.select('app_id = ?', [appId], 'ORDER BY type');
  }
}
