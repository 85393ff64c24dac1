/**
 * The embedded store: one SQLite file (WAL) in the data directory. Synchronous by design:
 * better-sqlite3 makes every API request a short transaction on the event loop, and
 * `transaction()` gives read-modify-write atomicity without locks.
 */
import { EventEmitter } from 'node:events';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { LogLines } from './log-lines.js';
import { MIGRATIONS } from './migrations.js';
import { Table } from './table.js';
import type { Store as StoreInterface } from '../store.js';
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
import type {
  AppInboundRulesetRecord,
  AppAllowedCallerRecord,
  AppCallerListRecord,
  AppRecord,
  AuthorizationRecord,
  BuildpackInstallationRecord,
  BuildRecord,
  DomainRecord,
  DynoDrainRecord,
  DynoRecord,
  FormationRecord,
  LogDrainRecord,
  LogLineRecord,
  OneOffDynoRecord,
  ReleaseRecord,
  SlugRecord,
  SniEndpointRecord,
  SpaceMemberRecord,
  SpaceRecord,
  SpaceZoneRecord,
  TeamMemberRecord,
  TeamRecord,
  UserRecord,
} from '../records.js';

export { LOG_LINES_PER_APP } from './log-lines.js';

/**
 * The raw tables. Transitional: callers outside store/sqlite/ move to the named operations of
 * each aggregate (see ../store.ts); this goes once none is left.
 */
export interface SqliteTables {
  readonly users: Table<UserRecord>;
  readonly authorizations: Table<AuthorizationRecord>;
  readonly teams: Table<TeamRecord>;
  readonly teamMembers: Table<TeamMemberRecord>;
  readonly spaces: Table<SpaceRecord>;
  readonly spaceZones: Table<SpaceZoneRecord>;
  readonly spaceMembers: Table<SpaceMemberRecord>;
  readonly apps: Table<AppRecord>;
  readonly releases: Table<ReleaseRecord>;
  readonly slugs: Table<SlugRecord>;
  readonly formations: Table<FormationRecord>;
  readonly dynos: Table<DynoRecord>;
  readonly logDrains: Table<LogDrainRecord>;
  readonly oneOffDynos: Table<OneOffDynoRecord>;
  readonly builds: Table<BuildRecord>;
  readonly buildpackInstallations: Table<BuildpackInstallationRecord>;
  readonly dynoDrains: Table<DynoDrainRecord>;
  readonly domains: Table<DomainRecord>;
  readonly sniEndpoints: Table<SniEndpointRecord>;
  readonly appInboundRulesets: Table<AppInboundRulesetRecord>;
  readonly appCallerLists: Table<AppCallerListRecord>;
  readonly appAllowedCallers: Table<AppAllowedCallerRecord>;
}

export class SqliteStore implements StoreInterface {
  /** @deprecated Transitional: use the named operations of the aggregates. */
  readonly tables: SqliteTables;
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
    const users = new Table<UserRecord>(db, 'users', {
      id: 'text', email: 'text', name: 'text', passwordHash: 'text', serverAdmin: 'bool',
      createdAt: 'text', updatedAt: 'text', lastLogin: 'text',
    });
    const authorizations = new Table<AuthorizationRecord>(db, 'authorizations', {
      id: 'text', userId: 'text', tokenHash: 'text', description: 'text', scope: 'json',
      expiresAt: 'text', revokedAt: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const teams = new Table<TeamRecord>(db, 'teams', { id: 'text', name: 'text', createdAt: 'text', updatedAt: 'text' });
    const teamMembers = new Table<TeamMemberRecord>(db, 'team_members', {
      teamId: 'text', userId: 'text', role: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const spaces = new Table<SpaceRecord>(db, 'spaces', {
      id: 'text', shortId: 'text', name: 'text', teamId: 'text', region: 'text', cidr: 'text',
      dataCidr: 'text', shield: 'bool', state: 'text', index: 'int', outboundIps: 'json',
      inboundRules: 'json', inboundRulesetId: 'text', inboundRulesUpdatedAt: 'text',
      inboundRulesUpdatedBy: 'text', lastError: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const spaceZones = new Table<SpaceZoneRecord>(db, 'space_zones', { spaceId: 'text', name: 'text', healthy: 'bool', updatedAt: 'text' });
    const spaceMembers = new Table<SpaceMemberRecord>(db, 'space_members', {
      spaceId: 'text', userId: 'text', permissions: 'json', createdAt: 'text', updatedAt: 'text',
    });
    const apps = new Table<AppRecord>(db, 'apps', {
      id: 'text', name: 'text', ownerId: 'text', teamId: 'text', spaceId: 'text', region: 'text',
      internalRouting: 'bool', maintenance: 'bool', stack: 'text', buildpackDescription: 'text',
      config: 'json', createdAt: 'text', updatedAt: 'text', releasedAt: 'text',
    });
    const releases = new Table<ReleaseRecord>(db, 'releases', {
      id: 'text', appId: 'text', version: 'int', description: 'text', status: 'text', userId: 'text',
      slugId: 'text', config: 'json', createdAt: 'text', updatedAt: 'text',
    });
    const slugs = new Table<SlugRecord>(db, 'slugs', {
      id: 'text', appId: 'text', processTypes: 'json', commit: 'text', commitDescription: 'text',
      checksum: 'text', size: 'int', stack: 'text', buildpackDescription: 'text', uploaded: 'bool',
      createdAt: 'text', updatedAt: 'text',
    });
    const formations = new Table<FormationRecord>(db, 'formations', {
      id: 'text', appId: 'text', type: 'text', quantity: 'int', size: 'text', command: 'text',
      restartEpoch: 'int', dynoEpochs: 'json', createdAt: 'text', updatedAt: 'text',
    });
    const dynos = new Table<DynoRecord>(db, 'dynos', {
      id: 'text', appId: 'text', spaceId: 'text', type: 'text', number: 'int', name: 'text',
      releaseId: 'text', size: 'text', command: 'text', state: 'text', zone: 'text',
      privateIp: 'text', port: 'int', createdAt: 'text', updatedAt: 'text',
    });
    const logDrains = new Table<LogDrainRecord>(db, 'log_drains', {
      id: 'text', appId: 'text', spaceId: 'text', url: 'text', token: 'text', createdAt: 'text', updatedAt: 'text',
    });
    this.#logLines = new LogLines(db, (line) => this.#events.emit('log', line), options.onLogWriteError);
    const oneOffDynos = new Table<OneOffDynoRecord>(db, 'one_off_dynos', {
      id: 'text', appId: 'text', number: 'int', name: 'text', command: 'text', size: 'text', env: 'json',
      attach: 'bool', tty: 'bool', columns: 'int', lines: 'int', releaseId: 'text', secretHash: 'text',
      state: 'text', expiresAt: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const builds = new Table<BuildRecord>(db, 'builds', {
      id: 'text', appId: 'text', userId: 'text', status: 'text', sourceUrl: 'text', sourceVersion: 'text',
      sourceChecksum: 'text', buildpacks: 'json', slugId: 'text', releaseId: 'text', failure: 'text',
      createdAt: 'text', updatedAt: 'text',
    });
    const buildpackInstallations = new Table<BuildpackInstallationRecord>(db, 'buildpack_installations', {
      appId: 'text', ordinal: 'int', url: 'text',
    });
    const dynoDrains = new Table<DynoDrainRecord>(db, 'dyno_drains', { dynoId: 'text', appId: 'text', startedAt: 'text', drainedAt: 'text' });
    const domains = new Table<DomainRecord>(db, 'domains', { id: 'text', appId: 'text', hostname: 'text', createdAt: 'text', updatedAt: 'text' });
    const sniEndpoints = new Table<SniEndpointRecord>(db, 'sni_endpoints', {
      id: 'text', appId: 'text', name: 'text', certificateChain: 'text', privateKey: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const appInboundRulesets = new Table<AppInboundRulesetRecord>(db, 'app_inbound_rulesets', {
      appId: 'text', id: 'text', rules: 'json', createdAt: 'text', createdBy: 'text',
    });
    const appCallerLists = new Table<AppCallerListRecord>(db, 'app_caller_lists', { appId: 'text', id: 'text', createdAt: 'text', createdBy: 'text' });
    const appAllowedCallers = new Table<AppAllowedCallerRecord>(db, 'app_allowed_callers', { appId: 'text', callerAppId: 'text' });
    this.tables = { users, authorizations, teams, teamMembers, spaces, spaceZones, spaceMembers, apps, releases, slugs, formations, dynos, logDrains, oneOffDynos, builds, buildpackInstallations, dynoDrains, domains, sniEndpoints, appInboundRulesets, appCallerLists, appAllowedCallers };
    this.accounts = new SqliteAccountStore(this.tables, db);
    this.teams = new SqliteTeamStore(this.tables, db);
    this.spaces = new SqliteSpaceStore(this.tables, db);
    this.apps = new SqliteAppStore(this.tables, db);
    this.appRules = new SqliteAppRuleStore(this.tables, db);
    this.domains = new SqliteDomainStore(this.tables, db);
    this.releases = new SqliteReleaseStore(this.tables, db);
    this.formations = new SqliteFormationStore(this.tables, db);
    this.dynos = new SqliteDynoStore(this.tables, this.#db);
    this.oneOffDynos = new SqliteOneOffDynoStore(this.tables, db);
    this.builds = new SqliteBuildStore(this.tables, db);
    this.logDrains = new SqliteLogDrainStore(this.tables);
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

  /** Runs `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
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

  // ---- lookups by name or id (moved to the aggregates) ----

  /** @deprecated Use `accounts.byEmailOrId`. */
  findUser(emailOrId: string): UserRecord | undefined {
    return this.accounts.byEmailOrId(emailOrId);
  }

  /** @deprecated Use `teams.byNameOrId`. */
  findTeam(nameOrId: string): TeamRecord | undefined {
    return this.teams.byNameOrId(nameOrId);
  }

  /** @deprecated Use `spaces.byNameOrId`. */
  findSpace(nameOrId: string): SpaceRecord | undefined {
    return this.spaces.byNameOrId(nameOrId);
  }

  /** @deprecated Use `apps.byNameOrId`. */
  findApp(nameOrId: string): AppRecord | undefined {
    return this.apps.byNameOrId(nameOrId);
  }

  /** @deprecated Use `spaces.freeIndex`. */
  freeSpaceIndex(): number {
    return this.spaces.freeIndex();
  }

  /** @deprecated Transitional: use `releases.current(appId)`. */
  currentRelease(appId: string): ReleaseRecord | undefined {
    return this.releases.current(appId);
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

/**
 * @deprecated Transitional: the SQLite store with its raw tables. Import `Store` from
 * ../store.js instead once a file uses only named operations.
 */
export type Store = SqliteStore;
