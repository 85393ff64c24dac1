/**
 * The access rules live in the domain (../domain/access.ts); routes import them from here.
 */
export {
  adminSpace,
  canCreateAppInSpace,
  canViewApp,
  manageableApp,
  requireTeamAdmin,
  SPACE_PERMISSIONS,
  teamRole,
  visibleApp,
  visibleSpace,
  visibleTeam,
} from '../domain/access.js';
