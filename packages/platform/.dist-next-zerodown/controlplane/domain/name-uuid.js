/**
 * Stable UUID-shaped ids for things that have no row (regions, stacks, an app's default domain).
 */
import { createHash } from 'node:crypto';
/** A stable UUID-shaped id derived from a name. */
export function nameUuid(kind, name) {
    const h = createHash('sha1').update(`cove:${kind}:${name}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/** The id of the region with this name (a request may name a region by either). */
export function regionId(name) {
    return nameUuid('region', name);
}
//# sourceMappingURL=name-uuid.js.map