import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUser } from './accounts.js';
import { allowedCallers, deleteAllowedCallers, putAllowedCallers } from './app-rules.js';
import { domainTestStore } from './domain-test-store.js';
import { createSpace } from './spaces.js';
import { createTeam } from './teams.js';
function app(store, owner, name, placement) {
    const now = new Date().toISOString();
    const record = {
        id: crypto.randomUUID(), name, ownerId: owner.id, region: 'local', maintenance: false, stack: 'heroku-24',
        buildpackDescription: null, config: {}, createdAt: now, updatedAt: now, releasedAt: null, ...placement,
    };
    assert.ok(store.apps.create(record));
    return record;
}
test('only apps of the same space can be allowed callers, and only of an internal app', async (t) => {
    const store = await domainTestStore(t);
    const admin = createUser(store, 'admin@example.com');
    const team = createTeam(store, admin, { name: 'acme' });
    const prod = createSpace(store, admin, { name: 'prod', team: 'acme' }, { region: 'local' });
    const staging = createSpace(store, admin, { name: 'staging', team: 'acme' }, { region: 'local' });
    const internal = app(store, admin, 'internal', { teamId: team.id, spaceId: prod.id, internalRouting: true });
    const caller = app(store, admin, 'caller', { teamId: team.id, spaceId: prod.id, internalRouting: false });
    app(store, admin, 'elsewhere', { teamId: team.id, spaceId: staging.id, internalRouting: false });
    assert.throws(() => putAllowedCallers(store, admin, 'caller', { apps: [] }), { id: 'unprocessable_entity' });
    assert.throws(() => putAllowedCallers(store, admin, 'internal', { apps: ['elsewhere'] }), {
        id: 'invalid_params',
        message: 'App elsewhere is not in space prod: only apps of the same space can call internal.',
    });
    assert.throws(() => allowedCallers(store, internal), { id: 'not_found' });
    putAllowedCallers(store, admin, 'internal', { apps: ['caller', { id: caller.id }] });
    assert.deepEqual(allowedCallers(store, internal).callerAppIds, [caller.id]);
    store.apps.destroy(caller.id);
    assert.deepEqual(allowedCallers(store, internal).callerAppIds, []);
    deleteAllowedCallers(store, admin, 'internal');
    assert.throws(() => allowedCallers(store, internal), { id: 'not_found' });
});
//# sourceMappingURL=app-rules.test.js.map