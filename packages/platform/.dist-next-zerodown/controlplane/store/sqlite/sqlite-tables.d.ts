/**
 * The SQLite store's tables, one Table per record type; only the aggregates' SQLite classes
 * (sqlite-*-store.ts) use them.
 */
import type { Database } from 'better-sqlite3';
import type { AppInboundRulesetRecord, AppAllowedCallerRecord, AppCallerListRecord, AppRecord, AuthorizationRecord, BuildpackInstallationRecord, BuildRecord, DomainRecord, DynoDrainRecord, DynoRecord, FormationRecord, LogDrainRecord, OneOffDynoRecord, ReleaseRecord, SlugRecord, SniEndpointRecord, SpaceMemberRecord, SpaceRecord, SpaceZoneRecord, TeamMemberRecord, TeamRecord, UserRecord } from '../records.js';
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
export declare function createTables(db: Database): SqliteTables;
