/** The share of a process type replaced at a time while rolling. */
export const ROLLING_FRACTION = 0.25;
function groupKey(d) {
    return `${d.appId}/${d.type}`;
}
function nameKey(d) {
    return `${d.appId}/${d.name}`;
}
/** How many dynos of a formation of `quantity` are replaced at once. */
export function rollingBatchSize(quantity) {
    return Math.max(1, Math.ceil(quantity * ROLLING_FRACTION));
}
/** The desired dynos that are not running and may start now. */
export function dynosToStart(desired, actual) {
    const desiredIds = new Set(desired.map((d) => d.id));
    const actualById = new Map(actual.map((d) => [d.id, d]));
    /** Names whose old (undesired) dyno is serving: starting their replacement is a roll step. */
    const servingOld = new Set(actual.filter((d) => !desiredIds.has(d.id) && d.state === 'up').map(nameKey));
    const groups = new Map();
    for (const spec of desired)
        groups.set(groupKey(spec), [...(groups.get(groupKey(spec)) ?? []), spec]);
    const start = [];
    for (const specs of groups.values()) {
        const missing = specs.filter((s) => !actualById.has(s.id)).sort((a, b) => a.number - b.number);
        if (specs[0]?.spaceId == null) {
            start.push(...missing);
            continue;
        }
        const batch = rollingBatchSize(specs.length);
        let inFlight = specs.filter((s) => {
            const status = actualById.get(s.id);
            return status !== undefined && status.state !== 'up' && servingOld.has(nameKey(s));
        }).length;
        for (const spec of missing) {
            if (!servingOld.has(nameKey(spec))) {
                start.push(spec);
            }
            else if (inFlight < batch) {
                start.push(spec);
                inFlight++;
            }
        }
    }
    return start;
}
/** Whether a running dyno that is no longer desired should stop now. */
export function shouldStop(dyno, context) {
    if (!context.liveApps.has(dyno.appId) || context.zoneFailed || dyno.state !== 'up')
        return true;
    const desiredIds = new Set(context.desired.map((d) => d.id));
    const replacements = context.actual.filter((d) => desiredIds.has(d.id) && nameKey(d) === nameKey(dyno));
    if (dyno.spaceId === null)
        return replacements.length === 0 || replacements.some((d) => d.state !== 'starting');
    const wanted = context.desired.some((d) => nameKey(d) === nameKey(dyno));
    return !wanted || replacements.some((d) => d.state === 'up');
}
//# sourceMappingURL=rolling-plan.js.map