import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withAppStore } from './domain-test-store.js';
import { claimRendezvousSecret, createOneOffDyno, forgetOneOffDyno, stopOneOffDyno } from './one-off-dynos.js';
import { createRelease } from './releases.js';
import { insertSlug } from './slugs.js';
const at = '2026-01-01T00:00:00.000Z';
const request = { type: 'run', command: 'bash', size: 'Standard-1X', env: {}, attach: true, tty: true, columns: 80, lines: 24, timeToLiveSeconds: 60 };
/** Deploys a slug; `uploaded` as if its tarball had been stored. */
function deploy(store, app, user, uploaded) {
    const slug = insertSlug(store, app, { processTypes: { web: 'a' }, commit: null, commitDescription: null, checksum: null, stack: 'heroku-24', buildpackDescription: null });
    if (uploaded)
        store.releases.markSlugUploaded(slug.id, { size: 1, checksum: null, updatedAt: at });
    createRelease(store, app, user, { description: 'Deploy', slugId: slug.id, config: {} });
}
test('a one-off dyno needs a live release with an uploaded slug', () => {
    withAppStore((store, app, user) => {
        assert.throws(() => createOneOffDyno(store, app, request), { id: 'conflict' });
        deploy(store, app, user, false);
        assert.throws(() => createOneOffDyno(store, app, request), { id: 'conflict' });
        deploy(store, app, user, true);
        const { record, release } = createOneOffDyno(store, app, { ...request, attach: false });
        assert.match(record.name, /^run\.\d{4}$/);
        assert.equal(release.version, 2);
        assert.equal(record.secretHash, null);
    });
});
test('a rendezvous secret opens its dyno once', () => {
    withAppStore((store, app, user) => {
        deploy(store, app, user, true);
        const { record, secret } = createOneOffDyno(store, app, request);
        assert.ok(secret !== null);
        assert.equal(claimRendezvousSecret(store, 'not hex'), null);
        assert.deepEqual(claimRendezvousSecret(store, secret), { dynoId: record.id, tty: true });
        assert.equal(claimRendezvousSecret(store, secret), null);
    });
});
test('stopping or forgetting a one-off dyno removes it', () => {
    withAppStore((store, app, user) => {
        deploy(store, app, user, true);
        const first = createOneOffDyno(store, app, request).record;
        const second = createOneOffDyno(store, app, request).record;
        assert.equal(stopOneOffDyno(store, app, first.name), true);
        assert.equal(stopOneOffDyno(store, app, first.name), false);
        forgetOneOffDyno(store, second.id);
        assert.deepEqual(store.oneOffDynos.ofApp(app.id), []);
    });
});
//# sourceMappingURL=one-off-dynos.test.js.map