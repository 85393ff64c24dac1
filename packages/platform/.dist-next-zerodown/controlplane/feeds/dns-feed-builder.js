/** Spaces being torn down or not yet allocated answer nothing of their own. */
const SERVED_SPACE_STATES = new Set(['allocating', 'allocated']);
/** A dyno resolves by its own name while starting or up (it holds its IP). */
const RESOLVABLE_DYNO_STATES = new Set(['starting', 'up']);
/** Store records → the DNS feed (every served space, every public domain). */
export function buildDnsFeed(input, options) {
    const domainsByApp = new Map();
    for (const app of input.apps)
        domainsByApp.set(app.id, [`${app.name}.${options.domain}`.toLowerCase()]);
    for (const d of input.domains ?? [])
        domainsByApp.get(d.appId)?.push(d.hostname.toLowerCase());
    const dynosByApp = new Map();
    for (const dyno of input.dynos) {
        if (dyno.privateIp === null || !RESOLVABLE_DYNO_STATES.has(dyno.state))
            continue;
        const list = dynosByApp.get(dyno.appId);
        if (list === undefined)
            dynosByApp.set(dyno.appId, [dyno]);
        else
            list.push(dyno);
    }
    const appsBySpace = new Map();
    const publicDomains = [];
    for (const app of input.apps) {
        if (app.internalRouting !== true)
            publicDomains.push(...(domainsByApp.get(app.id) ?? []));
        if (app.spaceId === null)
            continue;
        const list = appsBySpace.get(app.spaceId);
        if (list === undefined)
            appsBySpace.set(app.spaceId, [app]);
        else
            list.push(app);
    }
    const spaces = [];
    for (const space of input.spaces) {
        if (!SERVED_SPACE_STATES.has(space.state))
            continue;
        const apps = (appsBySpace.get(space.id) ?? []).map((app) => ({
            name: app.name.toLowerCase(),
            internalRouting: app.internalRouting === true,
            domains: domainsByApp.get(app.id) ?? [],
            dynos: (dynosByApp.get(app.id) ?? []).map((d) => ({
                type: d.type,
                number: d.number,
                privateIp: d.privateIp ?? '',
                up: d.state === 'up',
            })),
        }));
        spaces.push({ spaceId: space.id, allocated: space.state === 'allocated', apps });
    }
    return { spaces, publicDomains, defaultNetwork: input.dynos.some((d) => d.spaceId === null) };
}
//# sourceMappingURL=dns-feed-builder.js.map