import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDnsFeed } from './dns-feed-builder.js';
const T = '2026-01-01T00:00:00Z';
function space(id, cidr, index, state = 'allocated') {
    return {
        id, shortId: id.slice(0, 8), name: id, teamId: 't', region: 'local', cidr, dataCidr: '10.1.0.0/16', shield: false, state, index,
        outboundIps: [], inboundRules: [], inboundRulesetId: 'r', inboundRulesUpdatedAt: T, inboundRulesUpdatedBy: 'u', lastError: null,
        createdAt: T, updatedAt: T,
    };
}
function app(id, name, spaceId, internalRouting) {
    return {
        id, name, ownerId: 'u', teamId: 't', spaceId, region: 'local', internalRouting, maintenance: false, stack: 'heroku-24',
        buildpackDescription: null, config: {}, createdAt: T, updatedAt: T, releasedAt: null,
    };
}
function dyno(appId, type, number, state, privateIp) {
    return {
        id: `${appId}-${type}-${number}`, appId, spaceId: null, type, number, name: `${type}.${number}`, releaseId: 'r', size: 'private-s',
        command: 'x', state, zone: 'a', privateIp, port: 5000, createdAt: T, updatedAt: T,
    };
}
test('buildDnsFeed() lists each served space with its apps and resolvable dynos', () => {
    const feed = buildDnsFeed({
        spaces: [space('sa', '10.0.0.0/16', 0), space('sb', '10.0.0.0/16', 1), space('gone', '10.0.0.0/16', 2, 'deleting')],
        apps: [app('a1', 'Shop', 'sa', false), app('a2', 'api', 'sa', true), app('a3', 'blog', 'sb', null), app('a4', 'plain', null, null)],
        dynos: [
            dyno('a1', 'web', 1, 'up', '10.0.128.11'),
            dyno('a1', 'web', 2, 'starting', '10.0.144.11'),
            dyno('a1', 'web', 3, 'crashed', '10.0.160.11'),
            dyno('a1', 'web', 4, 'up', null),
            dyno('a3', 'web', 1, 'up', '10.0.128.11'),
        ],
        domains: [{ appId: 'a2', hostname: 'API.internal.example' }, { appId: 'a1', hostname: 'www.example.com' }],
    }, { domain: 'cove.localhost' });
    assert.deepEqual(feed.publicDomains, ['shop.cove.localhost', 'www.example.com', 'blog.cove.localhost', 'plain.cove.localhost']);
    assert.deepEqual(feed.spaces.map((s) => s.spaceId), ['sa', 'sb']);
    assert.deepEqual(feed.spaces.map((s) => s.allocated), [true, true]);
    const [sa, sb] = feed.spaces;
    // The router addresses are the backend's to fill in (see backends/linux/dns-addresses.test.ts).
    assert.deepEqual(sa?.apps, [
        {
            name: 'shop',
            internalRouting: false,
            domains: ['shop.cove.localhost', 'www.example.com'],
            dynos: [
                { type: 'web', number: 1, privateIp: '10.0.128.11', up: true },
                { type: 'web', number: 2, privateIp: '10.0.144.11', up: false },
            ],
        },
        { name: 'api', internalRouting: true, domains: ['api.cove.localhost', 'api.internal.example'], dynos: [] },
    ]);
    assert.deepEqual(sb?.apps.map((a) => a.name), ['blog']);
});
test('buildDnsFeed() survives JSON (it crosses the IPC channel)', () => {
    const feed = buildDnsFeed({ spaces: [space('sa', '10.1.0.0/16', 0), space('sb', '10.2.0.0/16', 1, 'allocating')], apps: [app('a1', 'x', 'sa', true)], dynos: [] }, { domain: 'd.test' });
    assert.deepEqual(JSON.parse(JSON.stringify(feed)), feed);
    assert.deepEqual(feed.spaces.map((s) => [s.spaceId, s.allocated]), [['sa', true], ['sb', false]], 'an allocating space is listed, not yet attached');
});
//# sourceMappingURL=dns-feed-builder.test.js.map