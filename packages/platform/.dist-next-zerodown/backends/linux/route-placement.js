/** Key of the shared default network among the placed spaces (no space has this id). */
export const DEFAULT_ROUTE_SPACE = 'default';
export function placeRouteFeed(feed, networkOf) {
    const apps = [];
    let usesDefault = false;
    for (const app of feed.apps) {
        const network = networkOf(app.spaceId);
        if (network === null)
            continue;
        if (app.spaceId === null)
            usesDefault = true;
        apps.push({ ...app, namespace: network.namespace });
    }
    const spaces = [];
    for (const space of feed.spaces) {
        const network = networkOf(space.spaceId);
        if (network === null)
            continue;
        spaces.push({ ...space, namespace: network.namespace, internalAddress: network.routerAddress, transitAddress: network.transitSpace });
    }
    const defaultNetwork = usesDefault ? networkOf(null) : null;
    if (defaultNetwork !== null)
        spaces.push({ spaceId: DEFAULT_ROUTE_SPACE, namespace: defaultNetwork.namespace, internalAddress: null });
    return { ...feed, apps, spaces };
}
//# sourceMappingURL=route-placement.js.map