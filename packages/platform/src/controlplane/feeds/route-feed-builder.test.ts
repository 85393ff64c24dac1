import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppRecord, DynoRecord, SpaceRecord } from '../store/records.js';
import { buildRouteFeed } from './route-feed-builder.js';

const T = '2026-01-01T00:00:00Z';

function space(id: string, index: number, state: SpaceRecord['state'] = 'allocated'): SpaceRecord {
  return {
    id, shortId: `s${index}`, name: id, teamId: 't', region: 'local', cidr: '10.0.0.0/16', dataCidr: '10.1.0.0/16', shield: false, state, index,
    outboundIps: [], inboundRules: [{ action: 'allow', source: '203.0.113.0/24' }], inboundRulesetId: 'r', inboundRulesUpdatedAt: T,
    inboundRulesUpdatedBy: 'u', lastError: null, createdAt: T, updatedAt: T,
  };
}

function app(id: string, name: string, spaceId: string | null, internalRouting: boolean | null): AppRecord {
  return {
    id, name, ownerId: 'u', teamId: 't', spaceId, region: 'local', internalRouting, maintenance: false, stack: 'heroku-24',
    buildpackDescription: null, config: {}, createdAt: T, updatedAt: T, releasedAt: null,
  };
}

function dyno(appId: string, type: string, number: number, state: DynoRecord['state'], privateIp: string | null = `10.0.128.${10 + number}`): DynoRecord {
  return {
    id: `${appId}-${type}-${number}`, appId, spaceId: null, type, number, name: `${type}.${number}`, releaseId: 'r', size: 'private-s',
    command: 'x', state, zone: 'a', privateIp, port: 5000, createdAt: T, updatedAt: T,
  };
}

const options = { domain: 'apps.test' };

test('buildRouteFeed() routes up, undrained web dynos of apps in allocated spaces and the default network', () => {
  const feed = buildRouteFeed(
    {
      spaces: [space('sa', 0), space('sb', 1, 'allocating')],
      apps: [app('a1', 'Shop', 'sa', false), app('a2', 'api', 'sa', true), app('a3', 'blog', 'sb', null), app('a4', 'plain', null, null)],
      dynos: [
        dyno('a1', 'web', 2, 'up'),
        dyno('a1', 'web', 1, 'up'),
        dyno('a1', 'web', 3, 'starting'),
        dyno('a1', 'web', 4, 'up'),
        dyno('a1', 'worker', 1, 'up'),
        dyno('a2', 'web', 1, 'crashed'),
      ],
      drains: [{ dynoId: 'a1-web-4', appId: 'a1', startedAt: T, drainedAt: null }],
      domains: [{ appId: 'a1', hostname: 'WWW.example.com' }],
    },
    options,
  );
  assert.deepEqual(feed.apps.map((a) => a.name), ['api', 'plain', 'shop']);
  const [api, plain, shop] = feed.apps;
  assert.deepEqual(shop, {
    appId: 'a1',
    name: 'shop',
    spaceId: 'sa',
    internal: false,
    hostnames: ['shop.apps.test', 'www.example.com'],
    inboundRules: [{ action: 'allow', source: '203.0.113.0/24' }],
    appInboundRules: null,
    servers: [
      { dynoId: 'a1-web-1', name: 'web.1', address: '10.0.128.11', port: 5000 },
      { dynoId: 'a1-web-2', name: 'web.2', address: '10.0.128.12', port: 5000 },
    ],
    idleCode: 'H14',
  });
  assert.equal(api?.internal, true);
  assert.equal(api?.idleCode, 'H10');
  assert.deepEqual(api?.servers, []);
  assert.equal(plain?.spaceId, null);
  assert.equal(plain?.inboundRules, null);
  // Only allocated spaces; where their networks are is the backend's (see backends/linux/route-placement.test.ts).
  assert.deepEqual(feed.spaces, [{ spaceId: 'sa', outboundIp: null }]);
  assert.deepEqual(feed.draining, ['a1-web-4']);
});

test('buildRouteFeed() gives an internal app with a caller list the addresses of its callers\' and its own dynos, of any type and state', () => {
  const input = {
    spaces: [space('sa', 0), space('sb', 1)],
    apps: [app('a1', 'api', 'sa', true), app('a2', 'billing', 'sa', false), app('a3', 'web-ui', 'sa', false), app('a4', 'far', 'sb', false), app('a5', 'open', 'sa', true)],
    dynos: [
      dyno('a1', 'web', 1, 'up', '10.0.128.1'),
      dyno('a2', 'web', 1, 'up', '10.0.128.2'),
      dyno('a2', 'run', 1, 'starting', '10.0.144.2'),
      dyno('a2', 'release', 3, 'crashed', '10.0.160.2'),
      dyno('a2', 'worker', 1, 'starting', null),
      dyno('a3', 'web', 1, 'up', '10.0.128.3'),
      dyno('a4', 'web', 1, 'up', '10.1.128.4'),
    ],
    appCallerLists: [{ appId: 'a1', id: 'l1', createdAt: T, createdBy: 'u' }],
    // A listed app of another space (only possible through the store) never counts.
    appAllowedCallers: [{ appId: 'a1', callerAppId: 'a2' }, { appId: 'a1', callerAppId: 'a4' }],
  };
  const feed = buildRouteFeed(input, options);
  const byName = new Map(feed.apps.map((a) => [a.name, a]));
  assert.deepEqual(byName.get('api')?.allowedCallers, ['10.0.128.1', '10.0.128.2', '10.0.144.2', '10.0.160.2']);
  assert.equal(byName.get('open')?.allowedCallers, undefined, 'no list: every app of the space');
  assert.equal(byName.get('billing')?.allowedCallers, undefined);

  const empty = buildRouteFeed({ ...input, appAllowedCallers: [], dynos: input.dynos.filter((d) => d.appId !== 'a1') }, options);
  assert.deepEqual(empty.apps.find((a) => a.name === 'api')?.allowedCallers, [], 'an empty list with no own dynos lets no one in');
});

test('buildRouteFeed() hands each routed app\'s SNI certificates over with the app they belong to, oldest first', () => {
  const sni = (id: string, appId: string, createdAt: string) => ({ id, appId, name: id, certificateChain: `CHAIN ${id}\n`, privateKey: `KEY ${id}`, createdAt, updatedAt: createdAt });
  const feed = buildRouteFeed(
    {
      spaces: [space('sa', 0), space('sb', 1, 'allocating')],
      apps: [app('a1', 'shop', 'sa', false), app('a2', 'api', 'sa', true), app('a3', 'blog', 'sb', null)],
      dynos: [],
      sniEndpoints: [sni('c2', 'a2', '2026-01-02T00:00:00Z'), sni('c1', 'a1', T), sni('c3', 'a3', T)],
    },
    options,
  );
  assert.deepEqual(feed.certificates, [
    { id: 'c1', appId: 'a1', pem: 'CHAIN c1\nKEY c1\n' },
    { id: 'c2', appId: 'a2', pem: 'CHAIN c2\nKEY c2\n' },
  ]);
});
