import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDnsAddresses } from './dns-addresses.js';
test('addDnsAddresses() gives each space its internal router VIP and the public router as its dynos reach it', () => {
    const networks = {
        sa: { namespace: 'ns-a', dnsAddress: '10.0.0.2', routerAddress: '10.0.0.10', transitHost: '100.64.0.1', transitSpace: '100.64.0.2' },
        sb: { namespace: 'ns-b', dnsAddress: '10.1.0.2', routerAddress: '10.1.0.10', transitHost: null, transitSpace: null },
    };
    const apps = [{ name: 'shop', internalRouting: false, domains: ['shop.cove.localhost'], dynos: [] }];
    const feed = addDnsAddresses({ spaces: [{ spaceId: 'sa', allocated: true, apps }, { spaceId: 'sb', allocated: false, apps: [] }, { spaceId: 'unknown', allocated: true, apps: [] }], publicDomains: ['shop.cove.localhost'] }, (id) => networks[id] ?? null);
    assert.deepEqual(feed, {
        spaces: [
            { spaceId: 'sa', internalRouterAddress: '10.0.0.10', publicRouterAddress: '100.64.0.1', apps },
            { spaceId: 'sb', internalRouterAddress: '10.1.0.10', publicRouterAddress: null, apps: [] },
        ],
        publicDomains: ['shop.cove.localhost'],
    });
    assert.deepEqual(JSON.parse(JSON.stringify(feed)), feed, 'it crosses the IPC channel');
});
//# sourceMappingURL=dns-addresses.test.js.map