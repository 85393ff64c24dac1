export function buildDrainFeed(drains, apps) {
    const feed = [];
    for (const drain of drains) {
        const carried = {};
        if (drain.appId !== null)
            carried[drain.appId] = drain.token;
        if (drain.spaceId !== null)
            for (const app of apps)
                if (app.spaceId === drain.spaceId)
                    carried[app.id] = app.name;
        feed.push({ id: drain.id, url: drain.url, token: drain.token, apps: carried });
    }
    return feed;
}
//# sourceMappingURL=drain-feed-builder.js.map