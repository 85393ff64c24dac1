/**
 * The embedded store: one SQLite file (WAL) in the data directory, behind the Store interface
 * (../store.ts). better-sqlite3 is synchronous: each named operation of an aggregate runs on the
 * event loop in microseconds, and one that writes several rows is one transaction.
 */
import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import { LogLines } from './log-lines.js';
import { MIGRATIONS } from './migrations.js';
import { createTables } from './sqlite-tables.js';
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
export class SqliteStore {
    accounts;
    teams;
    spaces;
    apps;
    appRules;
    domains;
    releases;
    formations;
    dynos;
    oneOffDynos;
    builds;
    logDrains;
    #db;
    #events = new EventEmitter();
    #logLines;
    /** `onLogWriteError`: lines written behind could not be stored (they are dropped; nothing else is). */
    constructor(file, options = {}) {
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
    #migrate() {
        const current = this.#db.pragma('user_version', { simple: true });
        for (let v = current; v < MIGRATIONS.length; v++) {
            this.#db.transaction(() => {
                this.#db.exec(MIGRATIONS[v] ?? '');
                this.#db.pragma(`user_version = ${v + 1}`);
            })();
        }
    }
    /** Tells watchers (the reconciler, the data-plane feeds) that desired state changed. */
    changed() {
        this.#events.emit('change');
    }
    onChange(listener) {
        this.#events.on('change', listener);
        return () => this.#events.off('change', listener);
    }
    /**
     * Tells the data-plane feeds that the reconciler recorded a change of actual state (a dyno
     * went up or down, a space became allocated). Not a `changed()`: the reconciler listens to
     * those, and would wake itself.
     */
    observed() {
        this.#events.emit('observed');
    }
    onObserved(listener) {
        this.#events.on('observed', listener);
        return () => this.#events.off('observed', listener);
    }
    close() {
        this.#logLines.flush();
        this.#db.close();
    }
    /**
     * Appends a log line to the app's buffer and tells `onLog` subscribers (tails, drains) at once;
     * the line reaches the file shortly after, with others (see LogLines).
     */
    appendLog(line) {
        return this.#logLines.append(line);
    }
    /** Calls `listener` with every line appended from now on (any app); returns the unsubscribe. */
    onLog(listener) {
        // A failing subscriber must not fail the append (an API request, a dyno's output).
        const guarded = (line) => {
            try {
                listener(line);
            }
            catch {
                // subscribers report their own errors
            }
        };
        this.#events.on('log', guarded);
        return () => this.#events.off('log', guarded);
    }
    /** The app's last `limit` log lines, oldest first. */
    recentLogs(appId, limit) {
        return this.#logLines.recent(appId, limit);
    }
    /** The app's log lines numbered above `seq` (see `lastLogSeq`), oldest first. */
    logsAfter(appId, seq) {
        return this.#logLines.after(appId, seq);
    }
    /** The number of the newest log line of any app; lines appended later are numbered above it. */
    lastLogSeq() {
        return this.#logLines.lastSeq;
    }
    /** Forgets the app's log lines. */
    deleteLogs(appId) {
        this.#logLines.delete(appId);
    }
}
//# sourceMappingURL=sqlite-store.js.map