/**
 * FormationStore on SQLite (tables: formations).
 */
import type { Database } from 'better-sqlite3';
import type { FormationScale, FormationStore } from '../formations-store.js';
import type { FormationRecord } from '../records.js';
import type { FormationChanges } from '../releases-store.js';
import type { SqliteTables } from './sqlite-tables.js';

/** Writes a release's formation changes; the caller holds the transaction. */
export function applyFormationChanges(tables: SqliteTables, changes: FormationChanges): void {
  for (const row of changes.insert) tables.formations.insert(row);
  for (const { id, command } of changes.setCommand) tables.formations.update({ command, updatedAt: changes.at }, 'id = ?', [id]);
  for (const id of changes.remove) tables.formations.delete('id = ?', [id]);
}

export class SqliteFormationStore implements FormationStore {
  readonly #tables: SqliteTables;
  readonly #db: Database;

  constructor(tables: SqliteTables, db: Database) {
    this.#tables = tables;
    this.#db = db;
  }

  list(appId: string): FormationRecord[] {
    return this.#tables.formations.select('app_id = ?', [appId], 'ORDER BY type');
  }

  ofType(appId: string, type: string): FormationRecord | undefined {
    return this.#tables.formations.one('app_id = ? AND type = ?', [appId, type]);
  }

  scale(changes: readonly FormationScale[], at: string): void {
    this.#db.transaction(() => {
      for (const { id, ...fields } of changes) this.#tables.formations.update({ ...fields, updatedAt: at }, 'id = ?', [id]);
    })();
  }

  restartTypes(formationIds: readonly string[], at: string): void {
    this.#db.transaction(() => {
      for (const id of formationIds) {
        const row = this.#tables.formations.one('id = ?', [id]);
        if (row !== undefined) this.#tables.formations.update({ restartEpoch: row.restartEpoch + 1, updatedAt: at }, 'id = ?', [id]);
      }
    })();
  }

  restartDyno(formationId: string, number: number, at: string): void {
    this.#db.transaction(() => {
      const row = this.#tables.formations.one('id = ?', [formationId]);
      if (row === undefined) return;
      const dynoEpochs = { ...row.dynoEpochs, [String(number)]: (row.dynoEpochs[String(number)] ?? 0) + 1 };
      this.#tables.formations.update({ dynoEpochs, updatedAt: at }, 'id = ?', [formationId]);
    })();
  }
}
