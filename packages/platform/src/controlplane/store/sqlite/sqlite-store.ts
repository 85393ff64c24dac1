/**
 * The embedded store: one SQLite file (WAL) in the data directory, behind the Store interface
 * (../store.ts). better-sqlite3 is synchronous: each named operation of an aggregate runs on the
 * event loop in microseconds, and one that writes several rows is one transaction.
 */
import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { LogLines } from './log-lines.js';
import { MIGRATIONS } from './migrations.js';
import { createTables } from './sqlite-tables.js';
import type { Store } from '../store.js';
import { SqliteAccountStore } from './sqlite-accounts-store.js';
import { SqliteTeamStore } from './sqlite-teams-store.js';
import { SqliteSpaceStore } from './sqlite-spaces-store.js';
import { SqliteAppStore } from './sqlite-apps-store.js';
import { SqliteAppRuleStore } from './sqlite-app-rules-store.js';
import { SqliteDomainStore } from './sqlite-domains-store.js';
import { SqliteReleaseStore } from './sqlite-releases-store.js';
import { SqliteFormationStore } from './sqlite-formations-store.js';
import { SqliteDynoStore } from './sqlite-dynos-store.js';
import { SqliteOneOffDynoStore } from './sqlite-one-off-dynos-store.js';
import { SqliteBuildStore } from './sqlite-builds-store.js';
import { SqliteLogDrainStore } from './sqlite-log-drains-store.js';
import type { LogLineRecord } from '../records.js';

export class SqliteStore implements Store {
  readonly accounts: SqliteAccountStore;
  readonly teams: SqliteTeamStore;
  readonly spaces: SqliteSpaceStore;
  readonly apps: SqliteAppStore;
  readonly appRules: SqliteAppRuleStore;
  readonly domains: SqliteDomainStore;
  readonly releases: SqliteReleaseStore;
  readonly formations: SqliteFormationStore;
  readonly dynos: SqliteDynoStore;
  readonly oneOffDynos: SqliteOneOffDynoStore;
  readonly builds: SqliteBuildStore;
  readonly logDrains: SqliteLogDrainStore;

  readonly #db: Db;
  readonly #events = new EventEmitter();
  readonly #logLines: LogLines;

  /** `onLogWriteError`: lines written behind could not be stored (they are dropped; nothing else is). */
  constructor(file: string, options: { readonly onLogWriteError?: (error: unknown) => void } = {}) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('busy_timeout = 5000');
    this.#migrate();
    this.#events.setMaxListeners(0); // one per open tail
    const db = this.#db;
    this.#logLines = new LogLines(db, (line) => this.#events.emit('log', line), options.onLogWriteError);
    const tables = createTables(db);
    this.accounts = new SqliteAccountStore(tables, db);
    this.teams = new SqliteTeamStore(tables, db);
    this.spaces = new SqliteSpaceStore(tables, db);
    this.apps = new SqliteAppStore(tables, db);
    this.appRules = new SqliteAppRuleStore(tables, db);
    this.domains = new SqliteDomainStore(tables, db);
    this.releases = new SqliteReleaseStore(tables, db);
    this.formations = new SqliteFormationStore(tables, db);
    this.dynos = new SqliteDynoStore(tables, db);
    this.oneOffDynos = new SqliteOneOffDynoStore(tables, db);
    this.builds = new SqliteBuildStore(tables, db);
    this.logDrains = new SqliteLogDrainStore(tables);
  }

  #migrate(): void {
    const current = this.#db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.#db.transaction(() => {
        this.#db.exec(MIGRATIONS[v] ?? '');
        this.#db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }


  /** Tells watchers (the reconciler, the data-plane feeds) that desired state changed. */
  changed(): void {
    this.#events.emit('change');
  }

  onChange(listener: () => void): () => void {
    this.#events.on('change', listener);
    return () => this.#events.off('change', listener);
  }

  /**
   * Tells the data-plane feeds that the reconciler recorded a change of actual state (a dyno
   * went up or down, a space became allocated). Not a `changed()`: the reconciler listens to
   * those, and would wake itself.
   */
  observed(): void {
    this.#events.emit('observed');
  }

  onObserved(listener: () => void): () => void {
    this.#events.on('observed', listener);
    return () => this.#events.off('observed', listener);
  }

  close(): void {
    this.#logLines.flush();
    this.#db.close();
  }

  /**
   * Appends a log line to the app's buffer and tells `onLog` subscribers (tails, drains) at once;
   * the line reaches the file shortly after, with others (see LogLines).
   */
  appendLog(line: Omit<LogLineRecord, 'seq'>): LogLineRecord {
    return this.#logLines.append(line);
  }

  /** Calls `listener` with every line appended from now on (any app); returns the unsubscribe. */
  onLog(listener: (line: LogLineRecord) => void): () => void {
    // A failing subscriber must not fail the append (an API request, a dyno's output).
    const guarded = (line: LogLineRecord): void => {
      try {
        listener(line);
      } catch {
        // subscribers report their own errors
      }
    };
    this.#events.on('log', guarded);
    return () => this.#events.off('log', guarded);
  }

  /** The app's last `limit` log lines, oldest first. */
  recentLogs(appId: string, limit: number): LogLineRecord[] {
    return this.#logLines.recent(appId, limit);
  }

  /** The app's log lines numbered above `seq` (see `lastLogSeq`), oldest first. */
  logsAfter(appId: string, seq: number): LogLineRecord[] {
    return this.#logLines.after(appId, seq);
  }

  /** The number of the newest log line of any app; lines appended later are numbered above it. */
  lastLogSeq(): number {
    return this.#logLines.lastSeq;
  }

  /** Forgets the app's log lines. */
  deleteLogs(appId: string): void {
    this.#logLines.delete(appId);
  }

}

