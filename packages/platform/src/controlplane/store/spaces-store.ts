/**
 * Named operations on spaces, their zones and per-space member permissions. Implemented by ./sqlite/sqlite-spaces-store.ts; no SQL outside it.
 */
import type { SpaceState } from '@cove/schema';
import type { SpaceRecord, SpaceZoneRecord } from './records.js';

export interface SpaceStore {
  // --- used by recon ---
  /** Every space, oldest first. */
  all(): SpaceRecord[];
  /** The space's zones, by name. */
  zonesOf(spaceId: string): SpaceZoneRecord[];
  /** Records what the runtime reports of the space's network (state, outbound IPs) and clears its last error. */
  recordNetwork(spaceId: string, network: { readonly state: SpaceState; readonly outboundIps: readonly string[] }): void;
  /** Records why the space's network did not converge. */
  recordLastError(spaceId: string, message: string): void;
  /** Forgets a deleting space (with its zones and members) once its network is gone. */
  forgetDeleted(spaceId: string): void;
}
