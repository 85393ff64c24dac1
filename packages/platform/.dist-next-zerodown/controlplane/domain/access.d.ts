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
import type { AppRecord, SpaceRecord, TeamRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
export declare const SPACE_PERMISSIONS: {
    readonly create_apps: "Create apps in the space";
};
export declare function teamRole(store: Store, user: UserRecord, teamId: string): TeamRole | null;
export declare function visibleTeam(store: Store, user: UserRecord, nameOrId: string): TeamRecord;
export declare function requireTeamAdmin(store: Store, user: UserRecord, team: TeamRecord, action: string): void;
export declare function visibleSpace(store: Store, user: UserRecord, nameOrId: string): SpaceRecord;
/** The space, if the user is an admin of its team; 404 for outsiders, 403 for other members. */
export declare function adminSpace(store: Store, user: UserRecord, nameOrId: string, action: string): SpaceRecord;
export declare function canCreateAppInSpace(store: Store, user: UserRecord, space: SpaceRecord): boolean;
export declare function canViewApp(store: Store, user: UserRecord, app: AppRecord): boolean;
export declare function visibleApp(store: Store, user: UserRecord, nameOrId: string): AppRecord;
/** The app, if the user may change it (deploy, configure, scale, restart, rename, destroy). */
export declare function manageableApp(store: Store, user: UserRecord, nameOrId: string): AppRecord;
