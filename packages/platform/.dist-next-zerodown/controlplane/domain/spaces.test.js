import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUser } from './accounts.js';
import { domainTestStore } from './domain-test-store.js';
import { createSpace, destroySpace, setZoneHealth, transferSpace, updateSpace } from './spaces.js';
import { createTeam } from './teams.js';
test('spaces get distinct transit indexes and short ids; a freed index is used again', async (t) => {
    const store = await domainTestStore(t);
    const admin = createUser(store, 'admin@example.com');
    createTeam(store, admin, { name: 'acme' });
    const a = createSpace(store, admin, { name: 'one', team: 'acme' }, { region: 'local' });
    const b = createSpace(store, admin, { name: 'two', team: 'acme' }, { region: 'local' });
    assert.deepEqual([a.index, b.index], [0, 1]);
    assert.notEqual(a.shortId, b.shortId);
    assert.equal(store.spaces.zones(a.id).length, 3);
    assert.throws(() => createSpace(store, admin, { name: 'one', team: 'acme' }, { region: 'local' }), {
        id: 'invalid_params',
        message: 'Name one is already taken.',
    });
    assert.throws(() => updateSpace(store, admin, 'two', { name: 'one' }), { id: 'invalid_params', message: 'Name one is already taken.' });
    assert.equal(updateSpace(store, admin, 'two', { name: 'three' }).name, 'three');
});
test('a space with apps is not destroyed; a transfer moves its apps to the new team', async (t) => {
    const store = await domainTestStore(t);
    const admin = createUser(store, 'admin@example.com');
    createTeam(store, admin, { name: 'acme' });
    const other = createTeam(store, admin, { name: 'other' });
    const space = createSpace(store, admin, { name: 'prod', team: 'acme' }, { region: 'local' });
    const now = new Date().toISOString();
    store.apps.create({
        id: 'c0ffee00-0000-4000-8000-000000000001', name: 'web', ownerId: admin.id, teamId: space.teamId, spaceId: space.id, region: 'local',
        internalRouting: false, maintenance: false, stack: 'heroku-24', buildpackDescription: null, config: {}, createdAt: now, updatedAt: now, releasedAt: null,
    });
    assert.throws(() => destroySpace(store, admin, 'prod'), {
        id: 'unprocessable_entity',
        message: 'Cannot destroy space prod: it still has 1 app(s) (web). Destroy them first.',
    });
    assert.equal(store.spaces.byId(space.id)?.state, 'allocating');
    assert.equal(transferSpace(store, admin, 'prod', { new_owner: 'other' }).teamId, other.id);
    assert.equal(store.apps.byNameOrId('web')?.teamId, other.id);
    store.apps.destroy('c0ffee00-0000-4000-8000-000000000001');
    assert.equal(destroySpace(store, admin, 'prod').state, 'deleting');
});
test('the zone drill never fails the last healthy zone', async (t) => {
    const store = await domainTestStore(t);
    const admin = createUser(store, 'admin@example.com');
    createTeam(store, admin, { name: 'acme' });
    const space = createSpace(store, admin, { name: 'prod', team: 'acme' }, { region: 'local' });
    const [first, second, third] = store.spaces.zones(space.id).map((z) => z.name);
    assert.ok(first !== undefined && second !== undefined && third !== undefined);
    setZoneHealth(store, admin, 'prod', first, 'fail');
    setZoneHealth(store, admin, 'prod', second, 'fail');
    assert.throws(() => setZoneHealth(store, admin, 'prod', third, 'fail'), { id: 'forbidden' });
    setZoneHealth(store, admin, 'prod', first, 'fail'); // already failed: no change, no error
    setZoneHealth(store, admin, 'prod', second, 'recover');
    setZoneHealth(store, admin, 'prod', third, 'fail');
    assert.deepEqual(store.spaces.zones(space.id).map((z) => z.healthy), [false, true, false]);
    assert.throws(() => setZoneHealth(store, admin, 'prod', 'nowhere', 'fail'), { id: 'not_found' });
});
//# sourceMappingURL=spaces.test.js.map