/**
 * The store: the control plane's desired and observed state, behind named operations per
 * aggregate. The API, the domain layer, the reconcilers and the feed publishers see only this
 * interface; SQL lives in ./sqlite/ alone.
 *
 * Synchronous, by decision (see docs/architecture.md, "The store"): every operation is a whole
 * unit of work (its own transaction where it writes more than one row), so no caller composes
 * transactions or holds one across an await. The embedded SQLite store answers in microseconds
 * on the event loop. The planned Postgres store needs an asynchronous interface: `await` at each
 * call, plus the domain's read-then-write sequences (a relative scale, the drain limit, a
 * one-off dyno's number) made single operations or conditional writes, since only the one
 * event loop keeps them atomic today.
 */
import type { LogLineRecord } from './records.js';
import type { AccountStore } from './accounts-store.js';
import type { AppRuleStore } from './app-rules-store.js';
import type { AppStore } from './apps-store.js';
import type { BuildStore } from './builds-store.js';
import type { DomainStore } from './domains-store.js';
import type { DynoStore } from './dynos-store.js';
import type { FormationStore } from './formations-store.js';
import type { LogDrainStore } from './log-drains-store.js';
import type { OneOffDynoStore } from './one-off-dynos-store.js';
import type { ReleaseStore } from './releases-store.js';
import type { SpaceStore } from './spaces-store.js';
import type { TeamStore } from './teams-store.js';
/** Log lines kept per app across restarts (Heroku keeps 1,500). */
export declare const LOG_LINES_PER_APP = 1500;
export interface Store {
    readonly accounts: AccountStore;
    readonly teams: TeamStore;
    readonly spaces: SpaceStore;
    readonly apps: AppStore;
    readonly appRules: AppRuleStore;
    readonly domains: DomainStore;
    readonly releases: ReleaseStore;
    readonly formations: FormationStore;
    readonly dynos: DynoStore;
    readonly oneOffDynos: OneOffDynoStore;
    readonly builds: BuildStore;
    readonly logDrains: LogDrainStore;
    /** Tells watchers (the reconcilers, the data-plane feeds) that desired state changed. */
    changed(): void;
    onChange(listener: () => void): () => void;
    /**
     * Tells the data-plane feeds that a reconciler recorded a change of actual state (a dyno
     * went up or down, a space became allocated). Not a `changed()`: the reconcilers listen to
     * those, and would wake themselves.
     */
    observed(): void;
    onObserved(listener: () => void): () => void;
    /** Appends a line to the app's log buffer and tells `onLog` subscribers at once. */
    appendLog(line: Omit<LogLineRecord, 'seq'>): LogLineRecord;
    /** Calls `listener` with every line appended from now on (any app); returns the unsubscribe. */
    onLog(listener: (line: LogLineRecord) => void): () => void;
    /** The app's last `limit` log lines, oldest first. */
    recentLogs(appId: string, limit: number): LogLineRecord[];
    /** The app's log lines numbered above `seq`, oldest first. */
    logsAfter(appId: string, seq: number): LogLineRecord[];
    /** The number of the newest log line of any app. */
    lastLogSeq(): number;
    /** Forgets the app's log lines. */
    deleteLogs(appId: string): void;
    close(): void;
}
