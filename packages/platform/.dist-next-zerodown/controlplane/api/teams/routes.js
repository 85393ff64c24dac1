import { teamCreateBodySchema, teamMemberBodySchema } from '@cove/schema';
import { teamRole, visibleTeam } from '../../domain/access.js';
import { createTeam, putTeamMember, removeTeamMember } from '../../domain/teams.js';
import { bodyObject } from '../api-server.js';
function serializeTeam(team, role) {
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
function serializeMember(store, member) {
    const user = store.accounts.byId(member.userId);
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
export function registerTeamRoutes(app, { store }) {
    app.post('/teams', { schema: { body: teamCreateBodySchema } }, async (request, reply) => {
        const team = createTeam(store, request.user, { name: bodyObject(request)['name'] });
        return reply.status(201).send(serializeTeam(team, 'admin'));
    });
    app.get('/teams', async (request) => store.teams
        .list()
        .map((team) => ({ team, role: teamRole(store, request.user, team.id) }))
        .filter(({ role }) => role !== null)
        .map(({ team, role }) => serializeTeam(team, role)));
    app.get('/teams/permissions', async () => [
        { name: 'view', description: 'View apps and their settings' },
        { name: 'deploy', description: 'Deploy code, set config vars and roll back' },
        { name: 'operate', description: 'Scale and restart dynos' },
        { name: 'manage', description: 'Rename and destroy apps, manage access' },
    ]);
    app.get('/teams/:team', async (request) => {
        const team = visibleTeam(store, request.user, request.params.team);
        return serializeTeam(team, teamRole(store, request.user, team.id));
    });
    app.get('/teams/:team/features', async (request) => {
        visibleTeam(store, request.user, request.params.team);
        return [];
    });
    app.get('/teams/:team/invitations', async (request) => {
        visibleTeam(store, request.user, request.params.team);
        return [];
    });
    app.get('/teams/:team/members', async (request) => {
        const team = visibleTeam(store, request.user, request.params.team);
        return store.teams.members(team.id).map((m) => serializeMember(store, m));
    });
    const upsertMember = async (request) => {
        const body = bodyObject(request);
        const member = putTeamMember(store, request.user, request.params.team, { email: body['email'] ?? body['user'], role: body['role'] });
        return serializeMember(store, member);
    };
    app.put('/teams/:team/members', { schema: { body: teamMemberBodySchema } }, upsertMember);
    app.patch('/teams/:team/members', { schema: { body: teamMemberBodySchema } }, upsertMember);
    app.delete('/teams/:team/members/:member', async (request) => serializeMember(store, removeTeamMember(store, request.user, request.params.team, request.params.member)));
}
//# sourceMappingURL=routes.js.map