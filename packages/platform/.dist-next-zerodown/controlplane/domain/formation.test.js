import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withAppStore } from './domain-test-store.js';
import { restartDynos, scaleFormation } from './formation.js';
import { createRelease } from './releases.js';
import { insertSlug } from './slugs.js';
/** A store in a temporary directory with one user and one app deployed with web and worker. */
function withApp(fn) {
    withAppStore((store, app, user) => {
        const slug = insertSlug(store, app, { processTypes: { web: 'a', worker: 'b' }, commit: null, commitDescription: null, checksum: null, stack: 'heroku-24', buildpackDescription: null });
        createRelease(store, app, user, { description: 'Deploy', slugId: slug.id, config: {} });
        fn(store, app, user);
    });
}
const quantities = (store, app) => store.formations.list(app.id).map((f) => `${f.type}@${f.quantity}`).join(' ');
test('relative quantities build on each other within one batch', () => {
    withApp((store, app, user) => {
        const changed = scaleFormation(store, app, user, [{ type: 'web', quantity: '+1' }, { type: 'web', quantity: '+1' }, { type: 'worker', quantity: 3 }]);
        assert.deepEqual(changed.map((f) => f.quantity), [2, 3, 3]);
        assert.equal(quantities(store, app), 'web@3 worker@3');
        assert.match(store.recentLogs(app.id, 1)[0]?.message ?? '', /^Scaled to web@3:\S+ worker@3:\S+ by user u@example.test$/);
    });
});
test('one bad entry in a batch changes nothing', () => {
    withApp((store, app, user) => {
        assert.throws(() => scaleFormation(store, app, user, [{ type: 'web', quantity: 2 }, { type: 'worker', quantity: '-1' }]), { id: 'invalid_params' });
        assert.throws(() => scaleFormation(store, app, user, [{ type: 'web', quantity: 2 }, { type: 'clock', quantity: 1 }]), { id: 'not_found' });
        assert.throws(() => scaleFormation(store, app, user, [{ type: 'web', quantity: 101 }]), { id: 'invalid_params' });
        assert.equal(quantities(store, app), 'web@1 worker@0');
    });
});
test('restarts bump the epochs the reconciler compares; a dyno past the quantity is unknown', () => {
    withApp((store, app, user) => {
        restartDynos(store, app, user, { dyno: 'web.1' });
        assert.deepEqual(store.formations.ofType(app.id, 'web')?.dynoEpochs, { 1: 1 });
        restartDynos(store, app, user, {});
        restartDynos(store, app, user, { type: 'worker' }, 'Stop');
        assert.deepEqual(store.formations.list(app.id).map((f) => f.restartEpoch), [1, 2]);
        assert.throws(() => restartDynos(store, app, user, { dyno: 'web.2' }), { id: 'not_found' });
        assert.throws(() => restartDynos(store, app, user, { type: 'clock' }), { id: 'not_found' });
        assert.deepEqual(store.recentLogs(app.id, 3).map((l) => l.message), ['Restart web.1 by user u@example.test', 'Restart all dynos by user u@example.test', 'Stop worker by user u@example.test']);
    });
});
//# sourceMappingURL=formation.test.js.map