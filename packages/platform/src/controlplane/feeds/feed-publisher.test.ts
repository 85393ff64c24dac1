import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DnsPlane, RouterPlane } from '../../backends/backend.js';
import type { DnsFeed } from '../../dataplane/dns/dns-feed.js';
import type { RouteFeed } from '../../dataplane/router/route-feed.js';
import { silentLogger } from '../../shared/log.js';
import type { AppRecord, DynoDrainRecord, DynoRecord, SpaceRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { FeedPublisher } from './feed-publisher.js';

const T = '2026-01-01T00:00:00Z';

const space: SpaceRecord = {
  id: 'sa', shortId: 's0', name: 'sa', teamId: 't', region: 'local', cidr: '10.0.0.0/16', dataCidr: '10.1.0.0/16', shield: false, state: 'allocated', index: 0,
  outboundIps: [], inboundRules: [], inboundRulesetId: 'r', inboundRulesUpdatedAt: T, inboundRulesUpdatedBy: 'u', lastError: null, createdAt: T, updatedAt: T,
};
const app: AppRecord = {
  id: 'a1', name: 'shop', ownerId: 'u', teamId: 't', spaceId: 'sa', region: 'local', internalRouting: false, maintenance: false, stack: 'heroku-24',
  buildpackDescription: null, config: {}, createdAt: T, updatedAt: T, releasedAt: null,
};
const dyno = (n: number): DynoRecord => ({
  id: `d${n}`, appId: 'a1', spaceId: 'sa', type: 'web', number: n, name: `web.${n}`, releaseId: 'r', size: 'private-s', command: 'x', state: 'up', zone: 'a',
  privateIp: `10.0.128.${10 + n}`, port: 5000, createdAt: T, updatedAt: T,
});

/** Just the store operations the publisher reads and writes. */
function fakeStore(drains: DynoDrainRecord[]): { store: Store; changes: number } {
  const state = { changes: 0 };
  const store = {
    spaces: { list: () => [space] },
    apps: { list: () => [app] },
    dynos: {
      list: () => [dyno(1), dyno(2)],
      drains: () => drains.map((d) => ({ ...d })),
      markDrained: (dynoId: string, at: string) => {
        const d = drains.find((x) => x.dynoId === dynoId && x.drainedAt === null);
        if (d === undefined) return false;
        d.drainedAt = at;
        return true;
      },
    },
    domains: { list: () => [], allSniEndpoints: () => [] },
    appRules: { inboundRulesets: () => [], callerLists: () => [], allowedCallers: () => [] },
    onChange: () => () => {},
    onObserved: () => () => {},
    changed: () => {
      state.changes++;
    },
  };
  return {
    store: store as unknown as Store,
    get changes() {
      return state.changes;
    },
  };
}

test('FeedPublisher sends both feeds and records drains the router is done with', async () => {
  const drains: DynoDrainRecord[] = [
    { dynoId: 'd2', appId: 'a1', startedAt: T, drainedAt: null },
    { dynoId: 'd9', appId: 'a1', startedAt: T, drainedAt: null },
  ];
  const fake = fakeStore(drains);
  const routed: RouteFeed[] = [];
  const served: DnsFeed[] = [];
  const router: RouterPlane = {
    update: async (feed) => void routed.push(feed),
    // Still holds a request of d9; done with d2.
    routes: (dynoId) => dynoId === 'd9',
    close: async () => {},
  };
  const dns: DnsPlane = { update: async (feed) => void served.push(feed) };
  const publisher = new FeedPublisher(fake.store, { router, dns }, { domain: 'apps.test', log: silentLogger });
  await publisher.start();
  await publisher.close();

  assert.equal(routed.length, 1);
  assert.deepEqual(routed[0]?.apps.map((a) => a.servers.map((s) => s.name)), [['web.1']], 'the draining dyno left routing');
  assert.deepEqual(routed[0]?.draining, ['d2', 'd9']);
  assert.deepEqual(served[0]?.spaces.map((s) => s.spaceId), ['sa']);
  assert.notEqual(drains[0]?.drainedAt, null, 'd2 drained');
  assert.equal(drains[1]?.drainedAt, null, 'd9 still routed');
  assert.equal(fake.changes, 1, 'the reconciler is told once');
});

test('FeedPublisher with no data plane does nothing', async () => {
  const publisher = new FeedPublisher(fakeStore([]).store, {}, { domain: 'apps.test', log: silentLogger });
  await publisher.start();
  await publisher.close();
});
