import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
export const SPACE_PERMISSIONS = {
    create_apps: 'Create apps in the space',
};
export function teamRole(store, user, teamId) {
    if (user.serverAdmin)
        return 'admin';
    return store.teams.role(teamId, user.id);
}
export function visibleTeam(store, user, nameOrId) {
    const team = store.teams.byNameOrId(nameOrId);
    if (team === undefined || teamRole(store, user, team.id) === null)
        throw new NotFoundError('team', nameOrId);
    return team;
}
export function requireTeamAdmin(store, user, team, action) {
    if (teamRole(store, user, team.id) !== 'admin') {
        throw new ForbiddenError(`You must be an admin of team ${team.name} to ${action}.`, 'team');
    }
}
export function visibleSpace(store, user, nameOrId) {
    const space = store.spaces.byNameOrId(nameOrId);
    if (space === undefined || teamRole(store, user, space.teamId) === null)
        throw new NotFoundError('space', nameOrId);
    return space;
}
/** The space, if the user is an admin of its team; 404 for outsiders, 403 for other members. */
export function adminSpace(store, user, nameOrId, action) {
    const space = visibleSpace(store, user, nameOrId);
    if (teamRole(store, user, space.teamId) !== 'admin') {
        throw new ForbiddenError(`You must be a team admin to ${action} space ${space.name}.`, 'space');
    }
    return space;
}
export function canCreateAppInSpace(store, user, space) {
    const role = teamRole(store, user, space.teamId);
    if (role === 'admin')
        return true;
    if (role !== 'member')
        return false;
    const grant = store.spaces.grant(space.id, user.id);
    return grant?.permissions.includes('create_apps') ?? false;
}
export function canViewApp(store, user, app) {
    if (user.serverAdmin || app.ownerId === user.id)
        return true;
    return app.teamId !== null && teamRole(store, user, app.teamId) !== null;
}
export function visibleApp(store, user, nameOrId) {
    const app = store.apps.byNameOrId(nameOrId);
    if (app === undefined || !canViewApp(store, user, app))
        throw new NotFoundError('app', nameOrId);
    return app;
}
/** The app, if the user may change it (deploy, configure, scale, restart, rename, destroy). */
export function manageableApp(store, user, nameOrId) {
    const app = visibleApp(store, user, nameOrId);
    if (user.serverAdmin || app.ownerId === user.id)
        return app;
    const role = app.teamId === null ? null : teamRole(store, user, app.teamId);
    if (role === 'admin' || role === 'member')
        return app;
    throw new ForbiddenError(`You do not have permission to manage app ${app.name}.`, 'app');
}
//# sourceMappingURL=access.js.map