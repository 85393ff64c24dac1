/**
 * Who may do what (Heroku's Private Spaces access model):
 * - team admins create, destroy, rename, transfer spaces and change their network settings;
 * - every team member (admin, member, viewer) can view the team's spaces and apps;
 * - creating an app in a space needs admin, or a member with the space's `create_apps` grant;
 * - changing an app needs its owner, a team admin or a team member (viewers only look);
 * - a caller who is not a member gets 404, as if the resource did not exist.
 * The first account (server admin) may do everything.
 *
 * These are domain rules (Heroku's access model), not HTTP: the domain functions take the acting
 * user and call them, so every entry point (API, git push, a later dashboard) applies them alike.
 */
import type { TeamRole } from '@cove/schema';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import type { AppRecord, SpaceRecord, TeamRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

export const SPACE_PERMISSIONS = {
  create_apps: 'Create apps in the space',
} as const;

export function teamRole(store: Store, user: UserRecord, teamId: string): TeamRole | null {
  if (user.serverAdmin) return 'admin';
  return store.teams.role(teamId, user.id);
}

export function visibleTeam(store: Store, user: UserRecord, nameOrId: string): TeamRecord {
  const team = store.teams.byNameOrId(nameOrId);
  if (team === undefined || teamRole(store, user, team.id) === null) throw new NotFoundError('team', nameOrId);
  return team;
}

export function requireTeamAdmin(store: Store, user: UserRecord, team: TeamRecord, action: string): void {
  if (teamRole(store, user, team.id) !== 'admin') {
    throw new ForbiddenError(`You must be an admin of team ${team.name} to ${action}.`, 'team');
  }
}

export function visibleSpace(store: Store, user: UserRecord, nameOrId: string): SpaceRecord {
  const space = store.spaces.byNameOrId(nameOrId);
  if (space === undefined || teamRole(store, user, space.teamId) === null) throw new NotFoundError('space', nameOrId);
  return space;
}

/** The space, if the user is an admin of its team; 404 for outsiders, 403 for other members. */
export function adminSpace(store: Store, user: UserRecord, nameOrId: string, action: string): SpaceRecord {
  const space = visibleSpace(store, user, nameOrId);
  if (teamRole(store, user, space.teamId) !== 'admin') {
    throw new ForbiddenError(`You must be a team admin to ${action} space ${space.name}.`, 'space');
  }
  return space;
}

export function canCreateAppInSpace(store: Store, user: UserRecord, space: SpaceRecord): boolean {
  const role = teamRole(store, user, space.teamId);
  if (role === 'admin') return true;
  if (role !== 'member') return false;
  const grant = store.spaces.grant(space.id, user.id);
  return grant?.permissions.includes('create_apps') ?? false;
}

export function canViewApp(store: Store, user: UserRecord, app: AppRecord): boolean {
  if (user.serverAdmin || app.ownerId === user.id) return true;
  return app.teamId !== null && teamRole(store, user, app.teamId) !== null;
}

export function visibleApp(store: Store, user: UserRecord, nameOrId: string): AppRecord {
  const app = store.apps.byNameOrId(nameOrId);
  if (app === undefined || !canViewApp(store, user, app)) throw new NotFoundError('app', nameOrId);
  return app;
}

/** The app, if the user may change it (deploy, configure, scale, restart, rename, destroy). */
export function manageableApp(store: Store, user: UserRecord, nameOrId: string): AppRecord {
  const app = visibleApp(store, user, nameOrId);
  if (user.serverAdmin || app.ownerId === user.id) return app;
  const role = app.teamId === null ? null : teamRole(store, user, app.teamId);
  if (role === 'admin' || role === 'member') return app;
  throw new ForbiddenError(`You do not have permission to manage app ${app.name}.`, 'app');
}
