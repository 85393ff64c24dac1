/**
 * Apps: created personal, in a team or in a space (internal routing only in a space, chosen at
 * creation); renamed, put in maintenance, moved to another stack; destroyed with everything
 * they own. Every app starts with release v1 ("Initial release").
 */
import { randomUUID } from 'node:crypto';
import { ForbiddenError, InvalidParamsError, NotFoundError, UnprocessableError } from '../../shared/errors.js';
import { logApiAction } from './api-log.js';
import { canCreateAppInSpace, manageableApp, requireTeamAdmin, teamRole, visibleSpace, visibleTeam } from './access.js';
import { generateAppName, validateAppName } from './names.js';
import { regionId } from './name-uuid.js';
export const STACKS = ['heroku-24', 'heroku-22'];
export const DEFAULT_STACK = 'heroku-24';
/** Creates an app (personal, team or space) with its initial release. */
export function createApp(store, actor, input, options) {
    let space;
    let team;
    if (input.space !== undefined && input.space !== null) {
        if (typeof input.space !== 'string')
            throw new InvalidParamsError('Space must be a space name or id.');
        space = visibleSpace(store, actor, input.space);
        if (space.state === 'deleting')
            throw new UnprocessableError(`Space ${space.name} is being destroyed.`, 'space');
        team = store.teams.byId(space.teamId);
    }
    const teamName = input.team;
    if (options.teamEndpoint && teamName !== undefined && teamName !== null) {
        if (typeof teamName !== 'string')
            throw new InvalidParamsError('Team must be a team name or id.');
        const named = visibleTeam(store, actor, teamName);
        if (team !== undefined && team.id !== named.id) {
            throw new InvalidParamsError(`Space ${space?.name ?? ''} belongs to team ${team.name}, not ${named.name}.`);
        }
        team = named;
    }
    const internal = input.internal_routing;
    if (internal !== undefined && internal !== null && typeof internal !== 'boolean') {
        throw new InvalidParamsError('internal_routing must be true or false.');
    }
    if (internal === true && space === undefined) {
        throw new InvalidParamsError('Internal routing is only available for apps in a Private Space: pass a space.');
    }
    if (space !== undefined && !canCreateAppInSpace(store, actor, space)) {
        throw new ForbiddenError(`You do not have permission to create apps in space ${space.name}. Ask a team admin to grant you app creation access.`, 'space');
    }
    if (space === undefined && team !== undefined) {
        const role = teamRole(store, actor, team.id);
        if (role !== 'admin' && role !== 'member')
            throw new ForbiddenError(`Viewers cannot create apps in team ${team.name}.`, 'team');
    }
    const region = input.region ?? options.region;
    if (region !== options.region && region !== regionId(options.region))
        throw new NotFoundError('region', String(region));
    const stack = input.stack ?? DEFAULT_STACK;
    if (typeof stack !== 'string' || !STACKS.includes(stack)) {
        throw new InvalidParamsError(`Stack "${String(stack)}" is not available. Available stacks: ${STACKS.join(', ')}.`);
    }
    const name = input.name !== undefined && input.name !== null ? validateAppName(input.name) : undefined;
    const now = new Date().toISOString();
    const record = (chosen) => ({
        id: randomUUID(),
        name: chosen,
        ownerId: actor.id,
        teamId: team?.id ?? null,
        spaceId: space?.id ?? null,
        region: options.region,
        internalRouting: space === undefined ? null : internal === true,
        maintenance: false,
        stack,
        buildpackDescription: null,
        config: {},
        createdAt: now,
        updatedAt: now,
        releasedAt: null,
    });
    // The app and its first release ("Initial release", v1) are written together.
    const firstRelease = { id: randomUUID(), description: 'Initial release', status: 'succeeded', userId: actor.id, slugId: null, config: {}, createdAt: now, updatedAt: now };
    let app;
    if (name !== undefined) {
        app = record(name);
        if (!store.apps.create(app, firstRelease))
            throw new InvalidParamsError(`Name ${name} is already taken`, 'app');
    }
    else {
        do
            app = record(generateAppName());
        while (!store.apps.create(app, firstRelease));
    }
    logApiAction(store, app, actor, firstRelease.description);
    logApiAction(store, app, actor, 'Release v1 created');
    store.changed();
    // As created: the API has always answered with the app before its first release.
    return app;
}
/** Renames an app, sets maintenance mode or its build stack; space, region and routing are fixed. */
export function updateApp(store, actor, nameOrId, input) {
    const app = manageableApp(store, actor, nameOrId);
    if ('internal_routing' in input && input['internal_routing'] !== (app.spaceId === null ? null : app.internalRouting)) {
        throw new UnprocessableError('Internal routing can only be chosen when an app is created: create a new app to change it.', 'app');
    }
    if ('space' in input || 'region' in input)
        throw new UnprocessableError('The space and region of an app cannot be changed.', 'app');
    const patch = {};
    if (input['name'] !== undefined)
        patch.name = validateAppName(input['name']);
    if (input['maintenance'] !== undefined) {
        if (typeof input['maintenance'] !== 'boolean')
            throw new InvalidParamsError('maintenance must be true or false.');
        patch.maintenance = input['maintenance'];
    }
    if (input['build_stack'] !== undefined) {
        const stack = input['build_stack'];
        if (typeof stack !== 'string' || !STACKS.includes(stack))
            throw new InvalidParamsError(`Stack "${String(stack)}" is not available.`);
        patch.stack = stack;
    }
    const updated = store.apps.update(app.id, patch, new Date().toISOString());
    if (updated === undefined)
        throw new InvalidParamsError(`Name ${patch.name ?? ''} is already taken`, 'app');
    store.changed();
    return updated;
}
/**
 * The app, if the actor may destroy it: whoever may manage it, except that a team app not your
 * own needs a team admin. (Apart from destroyApp so the API can describe the app first.)
 */
export function appToDestroy(store, actor, nameOrId) {
    const app = manageableApp(store, actor, nameOrId);
    if (app.teamId !== null && app.ownerId !== actor.id) {
        const team = store.teams.byId(app.teamId);
        if (team !== undefined)
            requireTeamAdmin(store, actor, team, 'destroy apps you do not own');
    }
    return app;
}
/** Destroys an app (see appToDestroy) with everything it owns and its log lines. */
export function destroyApp(store, app) {
    store.apps.destroy(app.id);
    store.deleteLogs(app.id);
    store.changed();
}
//# sourceMappingURL=apps.js.map