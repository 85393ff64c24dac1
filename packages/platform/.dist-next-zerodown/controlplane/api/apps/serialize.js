import { regionRef, stackRef, teamRef } from '../refs.js';
export function appUrls(name, options) {
    return { web_url: `https://${name}.${options.domain}/`, git_url: `${options.gitBaseUrl}/${name}.git` };
}
export function serializeApp(store, app, options) {
    const team = app.teamId === null ? undefined : store.teams.byId(app.teamId);
    const space = app.spaceId === null ? undefined : store.spaces.byId(app.spaceId);
    const owner = store.accounts.byId(app.ownerId);
    const slug = (() => {
        const current = store.releases.current(app.id);
        return current?.slugId == null ? undefined : store.releases.slug(current.slugId);
    })();
    return {
        id: app.id,
        name: app.name,
        acm: false,
        archived_at: null,
        buildpack_provided_description: slug?.buildpackDescription ?? app.buildpackDescription,
        build_stack: stackRef(app.stack),
        stack: stackRef(app.stack),
        create_status: 'complete',
        created_at: app.createdAt,
        updated_at: app.updatedAt,
        released_at: app.releasedAt,
        ...appUrls(app.name, options),
        internal_routing: app.spaceId === null ? null : app.internalRouting === true,
        maintenance: app.maintenance,
        // Heroku shows team apps as owned by the team's pseudo-user; the heroku CLI relies on it.
        owner: team === undefined ? { id: app.ownerId, email: owner?.email ?? '' } : { id: team.id, email: `${team.name}@herokumanager.com` },
        organization: team === undefined ? null : teamRef(team),
        team: team === undefined ? null : teamRef(team),
        region: regionRef(app.region),
        repo_size: null,
        slug_size: slug?.size ?? null,
        space: space === undefined ? null : { id: space.id, name: space.name, shield: space.shield },
        generation: 'cedar',
        process_tier: space === undefined ? 'production' : space.shield ? 'shield' : 'private',
        joined: false,
        locked: false,
    };
}
//# sourceMappingURL=serialize.js.map