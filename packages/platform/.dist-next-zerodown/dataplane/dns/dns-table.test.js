import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DnsTable, reverseName } from './dns-table.js';
const feed = {
    publicDomains: ['shop.cove.localhost', 'www.example.com', 'elsewhere.cove.localhost'],
    spaces: [
        {
            spaceId: 'space-a',
            internalRouterAddress: '10.0.0.10',
            publicRouterAddress: '100.64.0.1',
            apps: [
                {
                    name: 'shop',
                    internalRouting: false,
                    domains: ['shop.cove.localhost', 'www.example.com'],
                    dynos: [
                        { type: 'web', number: 2, privateIp: '10.0.128.12', up: true },
                        { type: 'web', number: 1, privateIp: '10.0.128.11', up: true },
                        { type: 'worker', number: 1, privateIp: '10.0.144.11', up: false },
                    ],
                },
                { name: 'api', internalRouting: true, domains: ['api.cove.localhost', 'api.internal.example'], dynos: [] },
            ],
        },
        {
            spaceId: 'space-b',
            internalRouterAddress: '10.0.0.10',
            publicRouterAddress: null,
            apps: [{ name: 'blog', internalRouting: false, domains: ['blog.cove.localhost'], dynos: [{ type: 'web', number: 1, privateIp: '10.0.128.11', up: true }] }],
        },
    ],
};
const table = DnsTable.fromFeed(feed);
test('DnsTable.lookup() answers a dyno name with its private IP, any case, with or without the trailing dot', () => {
    assert.deepEqual(table.lookup('space-a', '1.web.shop.app.localspace', 'A'), { kind: 'addresses', addresses: ['10.0.128.11'] });
    assert.deepEqual(table.lookup('space-a', '2.WEB.Shop.App.LocalSpace.', 'A'), { kind: 'addresses', addresses: ['10.0.128.12'] });
});
test('DnsTable.lookup() answers a formation name with every up dyno of the type', () => {
    assert.deepEqual(table.lookup('space-a', 'web.shop.app.localspace', 'A'), { kind: 'addresses', addresses: ['10.0.128.11', '10.0.128.12'] });
});
test('DnsTable.lookup() resolves a starting dyno by its own name but leaves it out of its formation', () => {
    assert.deepEqual(table.lookup('space-a', '1.worker.shop.app.localspace', 'A'), { kind: 'addresses', addresses: ['10.0.144.11'] });
    assert.deepEqual(table.lookup('space-a', 'worker.shop.app.localspace', 'A'), { kind: 'nodata' });
});
test('DnsTable.lookup() answers NOERROR without data for other types of known names and for ancestors', () => {
    assert.deepEqual(table.lookup('space-a', 'web.shop.app.localspace', 'AAAA'), { kind: 'nodata' });
    assert.deepEqual(table.lookup('space-a', 'shop.app.localspace', 'A'), { kind: 'nodata' });
    assert.deepEqual(table.lookup('space-a', 'localspace', 'SOA'), { kind: 'nodata' });
    assert.deepEqual(table.lookup('space-a', 'api.cove.localhost', 'MX'), { kind: 'nodata' });
});
test('DnsTable.lookup() gives NXDOMAIN for unknown and other spaces\' names in localspace', () => {
    assert.deepEqual(table.lookup('space-a', '3.web.shop.app.localspace', 'A'), { kind: 'nxdomain' });
    assert.deepEqual(table.lookup('space-a', 'web.blog.app.localspace', 'A'), { kind: 'nxdomain' });
    assert.deepEqual(table.lookup('space-b', 'web.shop.app.localspace', 'A'), { kind: 'nxdomain' });
    assert.deepEqual(table.lookup('space-a', 'anything.localspace', 'A'), { kind: 'nxdomain' });
    assert.deepEqual(table.lookup('space-unknown', 'web.shop.app.localspace', 'A'), { kind: 'nxdomain' });
});
test('DnsTable.lookup() sends internal apps\' domains to the internal router and public ones to the public router', () => {
    assert.deepEqual(table.lookup('space-a', 'api.cove.localhost', 'A'), { kind: 'addresses', addresses: ['10.0.0.10'] });
    assert.deepEqual(table.lookup('space-a', 'API.internal.example.', 'A'), { kind: 'addresses', addresses: ['10.0.0.10'] });
    assert.deepEqual(table.lookup('space-a', 'www.example.com', 'A'), { kind: 'addresses', addresses: ['100.64.0.1'] });
    assert.deepEqual(table.lookup('space-a', 'elsewhere.cove.localhost', 'A'), { kind: 'addresses', addresses: ['100.64.0.1'] });
});
test('DnsTable.lookup() forwards what is not Cove\'s, including public domains when the space has no public router address', () => {
    assert.deepEqual(table.lookup('space-a', 'example.org', 'A'), { kind: 'forward' });
    assert.deepEqual(table.lookup('space-b', 'blog.cove.localhost', 'A'), { kind: 'forward' });
    assert.deepEqual(table.lookup('space-b', 'api.cove.localhost', 'A'), { kind: 'forward' });
    assert.deepEqual(table.lookup('space-unknown', 'example.org', 'A'), { kind: 'forward' });
});
test('DnsTable.lookup() answers the PTR of a dyno IP with the dyno name, per space', () => {
    assert.deepEqual(table.lookup('space-a', reverseName('10.0.128.11'), 'PTR'), { kind: 'pointer', name: '1.web.shop.app.localspace' });
    assert.deepEqual(table.lookup('space-b', reverseName('10.0.128.11'), 'PTR'), { kind: 'pointer', name: '1.web.blog.app.localspace' });
    assert.deepEqual(table.lookup('space-a', reverseName('10.0.128.99'), 'PTR'), { kind: 'forward' });
});
test('DnsTable.empty() knows no space', () => {
    const empty = DnsTable.empty();
    assert.equal(empty.hasSpace('space-a'), false);
    assert.deepEqual(empty.lookup('space-a', 'web.shop.app.localspace', 'A'), { kind: 'nxdomain' });
});
//# sourceMappingURL=dns-table.test.js.map