/**
 * SpaceStore on SQLite (tables: spaces, spaceZones, spaceMembers).
 */
import type { SpaceStore } from '../spaces-store.js';
import type { SpaceState } from '@cove/schema';
import type { SpaceRecord, SpaceZoneRecord } from '../records.js';
import type { SqliteTables } from './sqlite-store.js';

export class SqliteSpaceStore implements SpaceStore {
  readonly #tables: SqliteTables;

  constructor(tables: SqliteTables) {
    this.#tables = tables;
  }

  // --- used by recon ---
  all(): SpaceRecord[] {
    return this.#tables.spaces.select('', [], 'ORDER BY created_at');
  }

  zonesOf(spaceId: string): SpaceZoneRecord[] {
    return this.#tables.spaceZones.select('space_id = ?', [spaceId], 'ORDER BY name');
  }

  recordNetwork(spaceId: string, network: { readonly state: SpaceState; readonly outboundIps: readonly string[] }): void {
    this.#tables.spaces.update(
      { state: network.state, outboundIps: [...network.outboundIps], lastError: null, updatedAt: new Date().toISOString() },
      'id = ?',
      [spaceId],
    );
  }

  recordLastError(spaceId: string, message: string): void {
    this.#tables.spaces.update({ lastError: message }, 'id = ?', [spaceId]);
  }

  forgetDeleted(spaceId: string): void {
    this.#tables.spaces.delete("id = ? AND state = 'deleting'", [spaceId]);
  }
}
