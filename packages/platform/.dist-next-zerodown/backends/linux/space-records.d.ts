import type { SpaceSpec } from '../runtime.js';
export interface LinuxSpaceRecord {
    spec: SpaceSpec;
    /** Kernel objects of the space are named from it: `cvs-<shortId>`, `cvt<shortId>`. */
    shortId: string;
    /** Picks the space's transit /30 (see spaceAddressing). */
    transitIndex: number;
    outboundIps: string[];
    /** The shared default network for apps outside any space. */
    isDefault: boolean;
}
/** Reads a saved record, from this format or the one before; null when it is not one. */
export declare function parseSpaceRecord(text: string): LinuxSpaceRecord | null;
/** The short id for a new space: from its id, salted in the (unlikely) case another space holds it. */
export declare function allocateShortId(spaceId: string, taken: ReadonlySet<string>): string;
/** The lowest transit index no space on this host holds (the default network holds the last). */
export declare function allocateTransitIndex(taken: ReadonlySet<number>): number;
