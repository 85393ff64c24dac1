import type { SpaceState } from '@cove/schema';
import type { Database } from 'better-sqlite3';
import type { NewSpace, SpaceInboundRuleset, SpaceStore } from '../spaces-store.js';
import type { LogDrainRecord, SpaceMemberRecord, SpaceRecord, SpaceZoneRecord } from '../records.js';
import type { SqliteTables } from './sqlite-tables.js';
export declare class SqliteSpaceStore implements SpaceStore {
    #private;
    constructor(tables: SqliteTables, db: Database);
    byNameOrId(nameOrId: string): SpaceRecord | undefined;
    byId(id: string): SpaceRecord | undefined;
    list(): SpaceRecord[];
    create(space: NewSpace, zones: readonly string[], logDrain?: LogDrainRecord): SpaceRecord | undefined;
    rename(spaceId: string, name: string, at: string): SpaceRecord | undefined;
    requestDestroy(spaceId: string, at: string): {
        readonly space: SpaceRecord;
    } | {
        readonly appNames: string[];
    };
    transfer(spaceId: string, teamId: string, at: string): SpaceRecord;
    setInboundRuleset(spaceId: string, ruleset: SpaceInboundRuleset): SpaceRecord;
    grant(spaceId: string, userId: string): SpaceMemberRecord | undefined;
    setGrant(grant: SpaceMemberRecord): void;
    zones(spaceId: string): SpaceZoneRecord[];
    zone(spaceId: string, name: string): SpaceZoneRecord | undefined;
    failZone(spaceId: string, name: string, at: string): boolean;
    recoverZone(spaceId: string, name: string, at: string): void;
    listByAge(): SpaceRecord[];
    recordNetwork(spaceId: string, network: {
        readonly state: SpaceState;
        readonly outboundIps: readonly string[];
    }): void;
    recordLastError(spaceId: string, message: string): void;
    forgetDeleted(spaceId: string): void;
}
