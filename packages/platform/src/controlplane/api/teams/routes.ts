/**
 * Teams and their members: `POST /teams`, `GET /teams[/:team]`, `GET/PUT/PATCH/DELETE
 * /teams/:team/members`, `GET /teams/:team/features` (empty: no `org-access-controls`, so the
 * heroku CLI uses plain collaborators) and `GET /teams/permissions`.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Team, TeamMember, TeamRole } from '@cove/schema';
import { ConflictError, InvalidParamsError, NotFoundError, UnprocessableError } from '../../../shared/errors.js';
import type { TeamMemberRecord, TeamRecord } from '../../store/records.js';
import type { Store } from '../../store/sqlite/sqlite-store.js';
import { requireTeamAdmin, teamRole, visibleTeam } from '../access.js';
import { createUser, validEmail } from '../accounts/routes.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { validateAppName } from '../names.js';

const ROLES: readonly TeamRole[] = ['admin', 'member', 'viewer'];

function serializeTeam(team: TeamRecord, role: TeamRole | null): Team {
  return {
    id: team.id,
    name: team.name,
    role,
    type: 'team',
    default: false,
    membership_limit: null,
    credit_card_collections: false,
    provisioned_licenses: false,
    created_at: team.createdAt,
    updated_at: team.updatedAt,
  };
}

function serializeMember(store: Store, member: TeamMemberRecord): TeamMember {
  const user = store.tables.users.one('id = ?', [member.userId]);
  return {
    id: member.userId,
    email: user?.email ?? '',
    role: member.role,
    federated: false,
    two_factor_authentication: false,
    user: { id: member.userId, email: user?.email ?? '', name: user?.name ?? null },
    created_at: member.createdAt,
    updated_at: member.updatedAt,
  };
}

function validRole(value: unknown): TeamRole {
  if (typeof value !== 'string' || !ROLES.includes(value as TeamRole)) {
    throw new InvalidParamsError(`Role must be one of: ${ROLES.join(', ')}.`);
  }
  return value as TeamRole;
}

function adminCount(store: Store, teamId: string): number {
  return store.tables.teamMembers.select(`team_id = ? AND role = 'admin'`, [teamId]).length;
}

export function registerTeamRoutes(app: ApiServer, { store }: ApiContext): void {
  app.post('/teams', async (request, reply) => {
    const body = bodyObject(request);
    const name = validateAppName(body['name'], 'Team name');
    const team = store.transaction(() => {
      if (store.findTeam(name) !== undefined) throw new InvalidParamsError(`Name ${name} is already taken`, 'team');
      const now = new Date().toISOString();
      const record = store.tables.teams.insert({ id: randomUUID(), name, createdAt: now, updatedAt: now });
      store.tables.teamMembers.insert({ teamId: record.id, userId: request.user.id, role: 'admin', createdAt: now, updatedAt: now });
      return record;
    });
    return reply.status(201).send(serializeTeam(team, 'admin'));
  });

  app.get('/teams', async (request) =>
    store.tables.teams
      .select('', [], 'ORDER BY name')
      .map((team) => ({ team, role: teamRole(store, request.user, team.id) }))
      .filter(({ role }) => role !== null)
      .map(({ team, role }) => serializeTeam(team, role)),
  );

  app.get('/teams/permissions', async () => [
    { name: 'view', description: 'View apps and their settings' },
    { name: 'deploy', description: 'Deploy code, set config vars and roll back' },
    { name: 'operate', description: 'Scale and restart dynos' },
    { name: 'manage', description: 'Rename and destroy apps, manage access' },
  ]);

  app.get<{ Params: { team: string } }>('/teams/:team', async (request) => {
    const team = visibleTeam(store, request.user, request.params.team);
    return serializeTeam(team, teamRole(store, request.user, team.id));
  });

  app.get<{ Params: { team: string } }>('/teams/:team/features', async (request) => {
    visibleTeam(store, request.user, request.params.team);
    return [];
  });

  app.get<{ Params: { team: string } }>('/teams/:team/invitations', async (request) => {
    visibleTeam(store, request.user, request.params.team);
    return [];
  });

  app.get<{ Params: { team: string } }>('/teams/:team/members', async (request) => {
    const team = visibleTeam(store, request.user, request.params.team);
    return store.tables.teamMembers
      .select('team_id = ?', [team.id], 'ORDER BY created_at')
      .map((m) => serializeMember(store, m));
  });

  const upsertMember = async (request: FastifyRequest<{ Params: { team: string } }>): Promise<TeamMember> => {
    const team = visibleTeam(store, request.user, request.params.team);
    requireTeamAdmin(store, request.user, team, 'manage members');
    const body = bodyObject(request);
    const email = validEmail(body['email'] ?? body['user']);
    const role = validRole(body['role']);
    const member = store.transaction(() => {
      const user = store.findUser(email) ?? createUser(store, email);
      const now = new Date().toISOString();
      const existing = store.tables.teamMembers.one('team_id = ? AND user_id = ?', [team.id, user.id]);
      if (existing !== undefined) {
        if (existing.role === 'admin' && role !== 'admin' && adminCount(store, team.id) === 1) {
          throw new UnprocessableError(`Cannot change the role of ${email}: a team needs at least one admin.`, 'team');
        }
        store.tables.teamMembers.update({ role, updatedAt: now }, 'team_id = ? AND user_id = ?', [team.id, user.id]);
        return { ...existing, role, updatedAt: now };
      }
      return store.tables.teamMembers.insert({ teamId: team.id, userId: user.id, role, createdAt: now, updatedAt: now });
    });
    return serializeMember(store, member);
  };
  app.put<{ Params: { team: string } }>('/teams/:team/members', upsertMember);
  app.patch<{ Params: { team: string } }>('/teams/:team/members', upsertMember);

  app.delete<{ Params: { team: string; member: string } }>('/teams/:team/members/:member', async (request) => {
    const team = visibleTeam(store, request.user, request.params.team);
    requireTeamAdmin(store, request.user, team, 'manage members');
    const user = store.findUser(request.params.member);
    const member = user === undefined ? undefined : store.tables.teamMembers.one('team_id = ? AND user_id = ?', [team.id, user.id]);
    if (user === undefined || member === undefined) throw new NotFoundError('team_member', request.params.member);
    store.transaction(() => {
      if (member.role === 'admin' && adminCount(store, team.id) === 1) {
        throw new ConflictError(`Cannot remove ${user.email}: a team needs at least one admin.`, 'team');
      }
      store.tables.teamMembers.delete('team_id = ? AND user_id = ?', [team.id, user.id]);
      store.tables.spaceMembers.delete('user_id = ? AND space_id IN (SELECT id FROM spaces WHERE team_id = ?)', [user.id, team.id]);
    });
    return serializeMember(store, member);
  });
}
