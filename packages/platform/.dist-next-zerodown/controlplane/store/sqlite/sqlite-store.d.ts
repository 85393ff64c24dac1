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
export declare class SqliteStore implements Store {
    #private;
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
    /** `onLogWriteError`: lines written behind could not be stored (they are dropped; nothing else is). */
    constructor(file: string, options?: {
        readonly onLogWriteError?: (error: unknown) => void;
    });
    /** Tells watchers (the reconciler, the data-plane feeds) that desired state changed. */
    changed(): void;
    onChange(listener: () => void): () => void;
    /**
     * Tells the data-plane feeds that the reconciler recorded a change of actual state (a dyno
     * went up or down, a space became allocated). Not a `changed()`: the reconciler listens to
     * those, and would wake itself.
     */
    observed(): void;
    onObserved(listener: () => void): () => void;
    close(): void;
    /**
     * Appends a log line to the app's buffer and tells `onLog` subscribers (tails, drains) at once;
     * the line reaches the file shortly after, with others (see LogLines).
     */
    appendLog(line: Omit<LogLineRecord, 'seq'>): LogLineRecord;
    /** Calls `listener` with every line appended from now on (any app); returns the unsubscribe. */
    onLog(listener: (line: LogLineRecord) => void): () => void;
    /** The app's last `limit` log lines, oldest first. */
    recentLogs(appId: string, limit: number): LogLineRecord[];
    /** The app's log lines numbered above `seq` (see `lastLogSeq`), oldest first. */
    logsAfter(appId: string, seq: number): LogLineRecord[];
    /** The number of the newest log line of any app; lines appended later are numbered above it. */
    lastLogSeq(): number;
    /** Forgets the app's log lines. */
    deleteLogs(appId: string): void;
}
