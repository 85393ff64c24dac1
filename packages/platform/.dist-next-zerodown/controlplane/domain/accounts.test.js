import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrapServerAdmin, createAccount, createUser, issueToken, revokeAuthorization, userForLogin, userForToken } from './accounts.js';
import { domainTestStore } from './domain-test-store.js';
test('first start makes one server admin with the configured token; later starts only make sure it works', async (t) => {
    const store = await domainTestStore(t);
    assert.equal(bootstrapServerAdmin(store, 'Admin@Example.com', 'HRKU-first'), 'HRKU-first');
    const admin = store.accounts.serverAdmin();
    assert.equal(admin?.email, 'admin@example.com');
    assert.equal(userForToken(store, 'HRKU-first')?.id, admin?.id);
    assert.equal(bootstrapServerAdmin(store, 'other@example.com', 'HRKU-second'), 'HRKU-second');
    assert.equal(store.accounts.byEmailOrId('other@example.com'), undefined);
    assert.equal(userForToken(store, 'HRKU-second')?.id, admin?.id);
    assert.equal(bootstrapServerAdmin(store, 'admin@example.com', null), null);
});
test('without a configured token the first start returns a generated one, once', async (t) => {
    const store = await domainTestStore(t);
    const token = bootstrapServerAdmin(store, 'admin@example.com', null);
    assert.match(token ?? '', /^HRKU-/);
    assert.equal(userForToken(store, token ?? '')?.serverAdmin, true);
    assert.equal(bootstrapServerAdmin(store, 'admin@example.com', null), null);
});
test('a revoked or expired key no longer authenticates', async (t) => {
    const store = await domainTestStore(t);
    const user = createUser(store, 'dev@example.com');
    const live = issueToken(store, user, 'live');
    const expired = issueToken(store, user, 'expired', { expiresIn: -1 });
    assert.equal(userForToken(store, live.token)?.id, user.id);
    assert.equal(userForToken(store, expired.token), undefined);
    revokeAuthorization(store, user, live.record.id);
    assert.equal(userForToken(store, live.token), undefined);
    assert.throws(() => revokeAuthorization(store, user, live.record.id), { id: 'not_found' });
});
test('the server admin adopts an invited account once; an account in use is refused', async (t) => {
    const store = await domainTestStore(t);
    bootstrapServerAdmin(store, 'admin@example.com', 'HRKU-admin');
    const admin = store.accounts.serverAdmin();
    assert.ok(admin !== undefined);
    const invited = createUser(store, 'invited@example.com');
    const { user, token } = createAccount(store, admin, { email: 'Invited@Example.com', password: 'long enough' });
    assert.equal(user.id, invited.id);
    assert.equal(userForToken(store, token)?.id, invited.id);
    assert.equal(userForLogin(store, { scheme: 'basic', user: 'invited@example.com', secret: 'long enough' }).id, invited.id);
    assert.throws(() => createAccount(store, admin, { email: 'invited@example.com' }), {
        id: 'invalid_params',
        message: 'An account with email invited@example.com already exists.',
    });
    assert.throws(() => createAccount(store, user, { email: 'x@example.com' }), { id: 'forbidden' });
    assert.throws(() => userForLogin(store, { scheme: 'basic', user: 'invited@example.com', secret: 'wrong password' }), { id: 'unauthorized' });
});
//# sourceMappingURL=accounts.test.js.map