import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withAppStore } from './domain-test-store.js';
import { createRelease, finishRelease, rollback } from './releases.js';
import { insertSlug } from './slugs.js';
const at = '2026-01-01T00:00:00.000Z';
function slug(store, app, processTypes) {
    return insertSlug(store, app, { processTypes, commit: null, commitDescription: null, checksum: null, stack: 'heroku-24', buildpackDescription: null }).id;
}
const formation = (store, app) => store.formations.list(app.id).map((f) => `${f.type}=${f.quantity}:${f.command}`);
test('a deploy numbers releases in order and brings the formation in line with the slug', () => {
    withAppStore((store, app, user) => {
        const first = createRelease(store, app, user, { description: 'Deploy 1', slugId: slug(store, app, { web: 'node a', worker: 'node w' }), config: { A: '1' } });
        assert.equal(first.version, 1);
        assert.equal(first.status, 'succeeded');
        // The first deploy starts one web dyno and no other.
        assert.deepEqual(formation(store, app), ['web=1:node a', 'worker=0:node w']);
        assert.deepEqual(store.apps.byId(app.id)?.config, { A: '1' });
        store.formations.scale([{ id: store.formations.ofType(app.id, 'web')?.id ?? '', quantity: 3 }], at);
        const second = createRelease(store, app, user, { description: 'Deploy 2', slugId: slug(store, app, { web: 'node b' }), config: { A: '2' } });
        assert.equal(second.version, 2);
        // Later deploys keep quantities, change commands and drop types the slug no longer has.
        assert.deepEqual(formation(store, app), ['web=3:node b']);
        assert.equal(store.releases.current(app.id)?.id, second.id);
        assert.deepEqual(store.recentLogs(app.id, 10).map((l) => l.message), ['Deploy 1 by user u@example.test', 'Release v1 created by user u@example.test', 'Deploy 2 by user u@example.test', 'Release v2 created by user u@example.test']);
    });
});
test('a release phase keeps the release pending; failing it puts the live config back', () => {
    withAppStore((store, app, user) => {
        const live = createRelease(store, app, user, { description: 'Deploy 1', slugId: slug(store, app, { web: 'node a' }), config: { A: '1' } });
        const pending = createRelease(store, app, user, { description: 'Deploy 2', slugId: slug(store, app, { web: 'node b', release: 'migrate' }), config: { A: '2' } });
        assert.equal(pending.status, 'pending');
        assert.equal(store.releases.current(app.id)?.id, live.id);
        // Config vars read back at once; the formation waits for the release phase.
        assert.deepEqual(store.apps.byId(app.id)?.config, { A: '2' });
        assert.deepEqual(formation(store, app), ['web=1:node a']);
        finishRelease(store, pending, 'failed');
        assert.equal(store.releases.byId(pending.id)?.status, 'failed');
        assert.deepEqual(store.apps.byId(app.id)?.config, { A: '1' });
        assert.throws(() => rollback(store, app, user, 'v2'), { id: 'unprocessable_entity' });
    });
});
test('a release phase that succeeds makes the release current and syncs the formation', () => {
    withAppStore((store, app, user) => {
        createRelease(store, app, user, { description: 'Deploy 1', slugId: slug(store, app, { web: 'node a' }), config: {} });
        const pending = createRelease(store, app, user, { description: 'Deploy 2', slugId: slug(store, app, { web: 'node b', release: 'migrate' }), config: { B: '1' } });
        finishRelease(store, pending, 'succeeded');
        assert.equal(store.releases.current(app.id)?.id, pending.id);
        // The release process type never becomes a formation.
        assert.deepEqual(formation(store, app), ['web=1:node b']);
        assert.notEqual(store.apps.byId(app.id)?.releasedAt, null);
        const back = rollback(store, app, user, '1');
        assert.equal(back.version, 3);
        assert.equal(back.description, 'Rollback to v1');
        assert.deepEqual(formation(store, app), ['web=1:node a']);
        assert.throws(() => rollback(store, app, user, 'v9'), { id: 'not_found' });
    });
});
//# sourceMappingURL=releases.test.js.map