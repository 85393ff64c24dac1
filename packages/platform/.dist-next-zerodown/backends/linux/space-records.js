/**
 * What the linux backend keeps about each space network it made, under
 * `<dataDir>/runtime/spaces/<shortId>.json`: the spec it was last given plus the two kernel facts
 * it allocates itself, the short id its kernel objects are named from (kernel-names.ts) and the
 * index of its transit /30 in 100.64.0.0/10. Neither comes from the control plane: the short id
 * is derived from the space id, the index is the lowest one free on this host.
 *
 * Files written before the backend allocated these held them in `spec.shortId` and `spec.index`
 * (the control plane's values); they are read from there, so an upgraded server adopts its space
 * networks as they are in the kernel instead of recreating them.
 */
import { MAX_SPACE_INDEX } from '../../shared/space-addressing.js';
import { shortIdOf } from './kernel-names.js';
const SHORT_ID = /^[0-9a-z]{1,12}$/;
/** Reads a saved record, from this format or the one before; null when it is not one. */
export function parseSpaceRecord(text) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return null;
    }
    if (typeof raw !== 'object' || raw === null)
        return null;
    const r = raw;
    if (typeof r.spec !== 'object' || r.spec === null || typeof r.spec.id !== 'string')
        return null;
    const { shortId: oldShortId, index: oldIndex, ...spec } = r.spec;
    const shortId = r.shortId ?? oldShortId;
    const transitIndex = r.transitIndex ?? oldIndex;
    if (typeof shortId !== 'string' || !SHORT_ID.test(shortId))
        return null;
    if (typeof transitIndex !== 'number' || !Number.isInteger(transitIndex) || transitIndex < 0 || transitIndex > MAX_SPACE_INDEX)
        return null;
    return {
        spec,
        shortId,
        transitIndex,
        outboundIps: Array.isArray(r.outboundIps) ? r.outboundIps.filter((ip) => typeof ip === 'string') : [],
        isDefault: r.isDefault === true,
    };
}
/** The short id for a new space: from its id, salted in the (unlikely) case another space holds it. */
export function allocateShortId(spaceId, taken) {
    let candidate = shortIdOf(spaceId);
    for (let salt = 1; taken.has(candidate); salt++)
        candidate = shortIdOf(`${spaceId}/${salt}`);
    return candidate;
}
/** The lowest transit index no space on this host holds (the default network holds the last). */
export function allocateTransitIndex(taken) {
    for (let i = 0; i < MAX_SPACE_INDEX; i++)
        if (!taken.has(i))
            return i;
    return -1;
}
//# sourceMappingURL=space-records.js.map