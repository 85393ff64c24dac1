/**
 * BuildStore on SQLite (tables: builds, buildpackInstallations).
 */
import type { Database } from 'better-sqlite3';
import type { BuildStore } from '../builds-store.js';
import type { BuildRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';

export class SqliteBuildStore implements BuildStore {
  readonly #tables: SqliteTables;
  readonly #db: Database;

  constructor(tables: SqliteTables, db: Database) {
    this.#tables = tables;
    this.#db = db;
  }

  insert(build: BuildRecord): BuildRecord {
    return this.#tables.builds.insert(build);
  }

  byId(buildId: string): BuildRecord | undefined {
    return this.#tables.builds.one('id = ?', [buildId]);
  }

  byIdOfApp(appId: string, buildId: string): BuildRecord | undefined {
    return this.#tables.builds.one('id = ? AND app_id = ?', [buildId, appId]);
  }

  ofApp(appId: string): BuildRecord[] {
    return this.#tables.builds.select('app_id = ?', [appId], 'ORDER BY created_at, rowid');
  }

  recordRelease(buildId: string, releaseId: string, at: string): void {
    this.#tables.builds.update({ releaseId, updatedAt: at }, 'id = ?', [buildId]);
  }

  finish(buildId: string, result: Pick<BuildRecord, 'status' | 'failure' | 'slugId'>, at: string): void {
    this.#tables.builds.update({ ...result, updatedAt: at }, 'id = ?', [buildId]);
  }

  failPending(failure: string, at: string): void {
    this.#tables.builds.update({ status: 'failed', failure, updatedAt: at }, "status = 'pending'");
  }

  buildpacks(appId: string): string[] {
    return this.#tables.buildpackInstallations.select('app_id = ?', [appId], 'ORDER BY ordinal').map((b) => b.url);
  }

  setBuildpacks(appId: string, urls: readonly string[]): void {
    this.#db.transaction(() => {
      this.#tables.buildpackInstallations.delete('app_id = ?', [appId]);
      urls.forEach((url, ordinal) => this.#tables.buildpackInstallations.insert({ appId, ordinal, url }));
    })();
  }
}
