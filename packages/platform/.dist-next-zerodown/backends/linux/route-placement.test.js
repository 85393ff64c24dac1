import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeRouteFeed } from './route-placement.js';
const networks = {
    sa: { namespace: 'ns-s0', dnsAddress: '10.0.0.2', routerAddress: '10.0.0.10', transitHost: '100.64.0.1', transitSpace: '100.64.0.2' },
};
const networkOf = (id) => id === null ? { namespace: 'ns-default', dnsAddress: null, routerAddress: null, transitHost: null, transitSpace: null } : (networks[id] ?? null);
const app = (appId, spaceId) => ({
    appId, name: appId, spaceId, internal: false, hostnames: [`${appId}.apps.test`], inboundRules: null, servers: [], idleCode: 'H14',
});
test('placeRouteFeed() puts apps and spaces in their networks, and the default network after the spaces', () => {
    const feed = { apps: [app('shop', 'sa'), app('plain', null)], spaces: [{ spaceId: 'sa', outboundIp: null }], draining: ['d1'] };
    const placed = placeRouteFeed(feed, networkOf);
    assert.deepEqual(placed.apps.map((a) => [a.appId, a.namespace]), [['shop', 'ns-s0'], ['plain', 'ns-default']]);
    assert.deepEqual(placed.spaces, [
        { spaceId: 'sa', namespace: 'ns-s0', internalAddress: '10.0.0.10', transitAddress: '100.64.0.2', outboundIp: null },
        { spaceId: 'default', namespace: 'ns-default', internalAddress: null },
    ]);
    assert.deepEqual(placed.draining, ['d1']);
});
test('placeRouteFeed() leaves out what has no network here yet', () => {
    const feed = { apps: [app('blog', 'sb')], spaces: [{ spaceId: 'sb' }], draining: [] };
    const placed = placeRouteFeed(feed, networkOf);
    assert.deepEqual(placed.apps, []);
    assert.deepEqual(placed.spaces, [], 'no default entry without default apps');
});
//# sourceMappingURL=route-placement.test.js.map