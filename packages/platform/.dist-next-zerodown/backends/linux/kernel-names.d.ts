export declare const SPACE_NETNS_PREFIX = "cvs-";
export declare const DYNO_NETNS_PREFIX = "cvd-";
export declare const TRANSIT_LINK_PREFIX = "cvt";
export declare const DYNO_LINK_PREFIX = "cvd";
/** The nft table Cove owns in every namespace it touches; no other table is ever modified. */
export declare const NFT_TABLE = "cove";
/** Interface names inside a space router netns (private to it, so they need no id). */
export declare const TRANSIT_SPACE_SIDE = "tr0";
export declare const ZONE_BRIDGE_PREFIX = "br";
/** The shortId of the shared default network for apps outside any space. */
export declare const DEFAULT_NETWORK_SHORT_ID = "default";
/** 8 hex characters derived from an arbitrary id. */
export declare function shortIdOf(id: string): string;
export declare function spaceNetns(shortId: string): string;
export declare function transitLink(shortId: string): string;
export declare function zoneBridge(zone: string): string;
export declare function dynoNetns(shortId: string): string;
export declare function dynoLink(shortId: string): string;
export declare function dynoCgroupName(shortId: string): string;
