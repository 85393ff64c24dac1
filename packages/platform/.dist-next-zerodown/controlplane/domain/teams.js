/**
 * Teams and their members: a team has at least one admin at all times; adding an unknown email
 * creates its account (the invitation: the server admin sets its password later).
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, InvalidParamsError, NotFoundError, UnprocessableError } from '../../shared/errors.js';
import { LAST_ADMIN } from '../store/teams-store.js';
import { requireTeamAdmin, visibleTeam } from './access.js';
import { validEmail } from './accounts.js';
import { validateAppName } from './names.js';
export const TEAM_ROLES = ['admin', 'member', 'viewer'];
export function validRole(value) {
    if (typeof value !== 'string' || !TEAM_ROLES.includes(value)) {
        throw new InvalidParamsError(`Role must be one of: ${TEAM_ROLES.join(', ')}.`);
    }
    return value;
}
/** Creates a team with its creator as admin. */
export function createTeam(store, actor, input) {
    const name = validateAppName(input.name, 'Team name');
    const now = new Date().toISOString();
    const team = { id: randomUUID(), name, createdAt: now, updatedAt: now };
    if (!store.teams.createWithAdmin(team, actor.id))
        throw new InvalidParamsError(`Name ${name} is already taken`, 'team');
    return team;
}
/** Adds a member to the team or changes their role (team admins only). */
export function putTeamMember(store, actor, teamNameOrId, input) {
    const team = visibleTeam(store, actor, teamNameOrId);
    requireTeamAdmin(store, actor, team, 'manage members');
    const email = validEmail(input.email);
    const role = validRole(input.role);
    const now = new Date().toISOString();
    const invited = { id: randomUUID(), email, name: null, passwordHash: null, serverAdmin: false, createdAt: now, updatedAt: now, lastLogin: null };
    const member = store.teams.putMember(team.id, invited, role, now);
    if (member === LAST_ADMIN)
        throw new UnprocessableError(`Cannot change the role of ${email}: a team needs at least one admin.`, 'team');
    return member;
}
/** Removes a member from the team and from its spaces' grants (team admins only). */
export function removeTeamMember(store, actor, teamNameOrId, memberEmailOrId) {
    const team = visibleTeam(store, actor, teamNameOrId);
    requireTeamAdmin(store, actor, team, 'manage members');
    const user = store.accounts.byEmailOrId(memberEmailOrId);
    const removed = user === undefined ? undefined : store.teams.removeMember(team.id, user.id);
    if (user === undefined || removed === undefined)
        throw new NotFoundError('team_member', memberEmailOrId);
    if (removed === LAST_ADMIN)
        throw new ConflictError(`Cannot remove ${user.email}: a team needs at least one admin.`, 'team');
    return removed;
}
//# sourceMappingURL=teams.js.map