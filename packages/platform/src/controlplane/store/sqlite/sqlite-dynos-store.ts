/**
 * DynoStore on SQLite (tables: dynos, dynoDrains).
 */
import type { DynoStore } from '../dynos-store.js';
import type { DynoDrainRecord, DynoRecord } from '../records.js';
import type { SqliteTables } from './sqlite-store.js';

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

  // --- used by api1 ---
  ofApp(appId: string): DynoRecord[] {
    return this.#tables.dynos.select('app_id = ?', [appId], 'ORDER BY type, number');
  }

  upOfApp(appId: string): DynoRecord[] {
    return this.#tables.dynos.select(`app_id = ? AND state = 'up'`, [appId], 'ORDER BY type, number');
  }

  inSpace(spaceId: string): DynoRecord[] {
    return this.#tables.dynos.select('space_id = ?', [spaceId], 'ORDER BY name');
  }

  // --- used by api2 ---
  findOfApp(appId: string, nameOrId: string): DynoRecord | undefined {
    return this.#tables.dynos.one('app_id = ? AND (name = ? OR id = ?)', [appId, nameOrId, nameOrId]);
  }
}
