import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUser } from './accounts.js';
import { domainTestStore } from './domain-test-store.js';
import { addDomain, findDomain, removeDomain } from './domains.js';
function app(store, owner, name) {
    const now = new Date().toISOString();
    const record = {
        id: crypto.randomUUID(), name, ownerId: owner.id, teamId: null, spaceId: null, region: 'local', internalRouting: null,
        maintenance: false, stack: 'heroku-24', buildpackDescription: null, config: {}, createdAt: now, updatedAt: now, releasedAt: null,
    };
    assert.ok(store.apps.create(record));
    return record;
}
test('a hostname belongs to one app; the default domain can be found but not removed', async (t) => {
    const store = await domainTestStore(t);
    const owner = createUser(store, 'dev@example.com');
    const web = app(store, owner, 'web');
    app(store, owner, 'api');
    const { domain } = addDomain(store, owner, 'web', { hostname: 'WWW.Example.COM.' }, 'cove.test');
    assert.equal(domain.hostname, 'www.example.com');
    assert.throws(() => addDomain(store, owner, 'web', { hostname: 'www.example.com' }, 'cove.test'), { message: 'Domain already added to this app.' });
    assert.throws(() => addDomain(store, owner, 'api', { hostname: 'www.example.com' }, 'cove.test'), {
        message: 'www.example.com is currently in use by another app.',
    });
    assert.throws(() => addDomain(store, owner, 'api', { hostname: 'x.cove.test' }, 'cove.test'), { id: 'unprocessable_entity' });
    assert.equal(findDomain(store, web, 'web.cove.test', 'cove.test'), null);
    assert.equal(findDomain(store, web, 'WWW.example.com', 'cove.test')?.id, domain.id);
    assert.throws(() => removeDomain(store, owner, 'web', 'web.cove.test', 'cove.test'), { message: "An app's default domain cannot be removed." });
    removeDomain(store, owner, 'web', domain.id, 'cove.test');
    assert.throws(() => findDomain(store, web, 'www.example.com', 'cove.test'), { id: 'not_found' });
    assert.equal(addDomain(store, owner, 'api', { hostname: 'www.example.com' }, 'cove.test').domain.appId !== web.id, true);
});
//# sourceMappingURL=domains.test.js.map