import type { InboundRuleset, Space, SpaceNat } from '@cove/schema';
import type { SpaceRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
export declare function serializeSpace(store: Store, space: SpaceRecord, expandRegion: boolean): Space;
/** Outbound IPs: never 404 (the heroku CLI's destroy breaks on it). */
export declare function serializeNat(space: SpaceRecord): SpaceNat;
export declare function serializeRuleset(store: Store, space: SpaceRecord): Omit<InboundRuleset, 'applied'>;
