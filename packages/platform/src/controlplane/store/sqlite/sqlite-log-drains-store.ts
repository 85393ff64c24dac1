/**
 * LogDrainStore on SQLite (tables: logDrains).
 */
import type { LogDrainStore } from '../log-drains-store.js';
import type { LogDrainRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';

export class SqliteLogDrainStore implements LogDrainStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  all(): LogDrainRecord[] {
    return this.#tables.logDrains.select('');
  }

  ofApp(appId: string): LogDrainRecord[] {
    return this.#tables.logDrains.select('app_id = ?', [appId], 'ORDER BY created_at');
  }

  findOfApp(appId: string, idTokenOrUrl: string): LogDrainRecord | undefined {
    return this.#tables.logDrains.one('app_id = ? AND (id = ? OR token = ? OR url = ?)', [appId, idTokenOrUrl, idTokenOrUrl, idTokenOrUrl]);
  }

  ofSpace(spaceId: string): LogDrainRecord | undefined {
    return this.#tables.logDrains.one('space_id = ?', [spaceId]);
  }

  insert(drain: LogDrainRecord): LogDrainRecord {
    return this.#tables.logDrains.insert(drain);
  }

  setUrl(drainId: string, url: string, at: string): void {
    this.#tables.logDrains.update({ url, updatedAt: at }, 'id = ?', [drainId]);
  }

  remove(drainId: string): void {
    this.#tables.logDrains.delete('id = ?', [drainId]);
  }
}
