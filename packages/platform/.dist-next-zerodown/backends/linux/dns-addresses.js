export function addDnsAddresses(feed, networkOf) {
    const spaces = [];
    for (const space of feed.spaces) {
        const network = networkOf(space.spaceId);
        if (network === null || network.routerAddress === null)
            continue;
        spaces.push({ spaceId: space.spaceId, internalRouterAddress: network.routerAddress, publicRouterAddress: network.transitHost, apps: space.apps });
    }
    return { spaces, publicDomains: feed.publicDomains };
}
//# sourceMappingURL=dns-addresses.js.map