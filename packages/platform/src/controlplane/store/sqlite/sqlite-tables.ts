/**
 * The SQLite store's tables, one Table per record type; only the aggregates' SQLite classes
 * (sqlite-*-store.ts) use them.
 */
import type { Database } from 'better-sqlite3';
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
import { Table } from './table.js';

/** The store's tables; only the aggregates' SQLite classes use them. */
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

/** Maps every table of the schema (see migrations.ts) to its record type. */
export function createTables(db: Database): SqliteTables {
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

  return { users, authorizations, teams, teamMembers, spaces, spaceZones, spaceMembers, apps, releases, slugs, formations, dynos, logDrains, oneOffDynos, builds, buildpackInstallations, dynoDrains, domains, sniEndpoints, appInboundRulesets, appCallerLists, appAllowedCallers };
}
