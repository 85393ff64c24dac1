import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUser } from './accounts.js';
import { domainTestStore } from './domain-test-store.js';
import { createTeam, putTeamMember, removeTeamMember } from './teams.js';
test('a team always keeps an admin: the last one can be neither demoted nor removed', async (t) => {
    const store = await domainTestStore(t);
    const owner = createUser(store, 'owner@example.com');
    const team = createTeam(store, owner, { name: 'acme' });
    assert.throws(() => createTeam(store, owner, { name: 'acme' }), { id: 'invalid_params', message: 'Name acme is already taken' });
    assert.throws(() => putTeamMember(store, owner, 'acme', { email: 'owner@example.com', role: 'member' }), { id: 'unprocessable_entity' });
    assert.throws(() => removeTeamMember(store, owner, 'acme', 'owner@example.com'), { id: 'conflict' });
    const member = putTeamMember(store, owner, 'acme', { email: 'New@Example.com', role: 'admin' });
    assert.equal(store.accounts.byId(member.userId)?.email, 'new@example.com');
    assert.equal(putTeamMember(store, owner, team.id, { email: 'owner@example.com', role: 'viewer' }).role, 'viewer');
    assert.equal(store.teams.role(team.id, owner.id), 'viewer');
    assert.throws(() => removeTeamMember(store, owner, 'acme', 'new@example.com'), { id: 'forbidden' });
});
test('removing a member drops their grants in the team\'s spaces', async (t) => {
    const store = await domainTestStore(t);
    const owner = createUser(store, 'owner@example.com');
    const team = createTeam(store, owner, { name: 'acme' });
    const member = putTeamMember(store, owner, 'acme', { email: 'dev@example.com', role: 'member' });
    const now = new Date().toISOString();
    const space = store.spaces.create({
        id: 'b5e7c2d2-0000-4000-8000-000000000001', name: 'prod', teamId: team.id, region: 'local', cidr: '10.0.0.0/16', dataCidr: '10.1.0.0/16',
        shield: false, state: 'allocating', outboundIps: [], inboundRules: [], inboundRulesetId: 'r', inboundRulesUpdatedAt: now,
        inboundRulesUpdatedBy: 'owner@example.com', lastError: null, createdAt: now, updatedAt: now,
    }, ['a']);
    assert.ok(space !== undefined);
    store.spaces.setGrant({ spaceId: space.id, userId: member.userId, permissions: ['create_apps'], createdAt: now, updatedAt: now });
    removeTeamMember(store, owner, 'acme', 'dev@example.com');
    assert.equal(store.spaces.grant(space.id, member.userId), undefined);
    assert.throws(() => removeTeamMember(store, owner, 'acme', 'dev@example.com'), { id: 'not_found' });
});
//# sourceMappingURL=teams.test.js.map