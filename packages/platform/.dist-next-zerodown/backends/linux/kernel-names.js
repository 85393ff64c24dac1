/**
 * Names of every kernel object the linux backend creates. Each carries a fixed prefix plus a
 * short id, so `start()` and `cleanup()` can find orphans by prefix alone (design §1), and every
 * interface name fits IFNAMSIZ (15 characters).
 *
 * - `cvs-<short>`  space router netns (the default network uses `cvs-default`)
 * - `cvd-<short>`  dyno netns
 * - `cvt<short>`   host side of a space's transit veth (host netns)
 * - `cvd<short>`   space-router side of a dyno's veth (inside the space router netns)
 * - `inet cove`    nft table, in the host netns and in every space router netns
 * - `<cgroupParent>/cvd<short>` a dyno's cgroup
 */
import { createHash } from 'node:crypto';
export const SPACE_NETNS_PREFIX = 'cvs-';
export const DYNO_NETNS_PREFIX = 'cvd-';
export const TRANSIT_LINK_PREFIX = 'cvt';
export const DYNO_LINK_PREFIX = 'cvd';
/** The nft table Cove owns in every namespace it touches; no other table is ever modified. */
export const NFT_TABLE = 'cove';
/** Interface names inside a space router netns (private to it, so they need no id). */
export const TRANSIT_SPACE_SIDE = 'tr0';
export const ZONE_BRIDGE_PREFIX = 'br';
/** The shortId of the shared default network for apps outside any space. */
export const DEFAULT_NETWORK_SHORT_ID = 'default';
/** 8 hex characters derived from an arbitrary id. */
export function shortIdOf(id) {
    return createHash('sha256').update(id).digest('hex').slice(0, 8);
}
export function spaceNetns(shortId) {
    return `${SPACE_NETNS_PREFIX}${shortId}`;
}
export function transitLink(shortId) {
    return `${TRANSIT_LINK_PREFIX}${shortId}`;
}
export function zoneBridge(zone) {
    return `${ZONE_BRIDGE_PREFIX}${zone}`;
}
export function dynoNetns(shortId) {
    return `${DYNO_NETNS_PREFIX}${shortId}`;
}
export function dynoLink(shortId) {
    return `${DYNO_LINK_PREFIX}${shortId}`;
}
export function dynoCgroupName(shortId) {
    return `${DYNO_LINK_PREFIX}${shortId}`;
}
//# sourceMappingURL=kernel-names.js.map