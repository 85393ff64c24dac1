/**
 * Zone placement for the dynos of one process type (pure). Dynos are spread evenly over the
 * healthy zones (the first three land in three different zones); a dyno stays where it is
 * while its zone is healthy and not over its fair share, so a zone failure moves only the
 * dynos it held, and a recovery moves just enough dynos back to even the spread again.
 */
export function placeDynos(numbers, current, healthyZones) {
    const placement = new Map();
    const zones = [...healthyZones].sort();
    if (zones.length === 0)
        return placement;
    const sorted = [...numbers].sort((a, b) => a - b);
    const base = Math.floor(sorted.length / zones.length);
    let extra = sorted.length % zones.length;
    const count = new Map(zones.map((z) => [z, 0]));
    const fits = (zone) => {
        const c = count.get(zone) ?? 0;
        return c < base || (c === base && extra > 0);
    };
    const take = (n, zone) => {
        const c = count.get(zone) ?? 0;
        if (c === base)
            extra--;
        count.set(zone, c + 1);
        placement.set(n, zone);
    };
    for (const n of sorted) {
        const zone = current.get(n);
        if (zone !== undefined && zone !== null && count.has(zone) && fits(zone))
            take(n, zone);
    }
    for (const n of sorted) {
        if (placement.has(n))
            continue;
        const zone = zones.filter(fits).sort((a, b) => (count.get(a) ?? 0) - (count.get(b) ?? 0) || a.localeCompare(b))[0];
        if (zone !== undefined)
            take(n, zone);
    }
    return placement;
}
//# sourceMappingURL=place-dynos.js.map