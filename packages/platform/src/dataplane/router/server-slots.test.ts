import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NamespacedRouteFeed, RouteServer } from './route-feed.js';
import { ServerSlots } from './server-slots.js';

const server = (n: number): RouteServer => ({ dynoId: `d${n}`, name: `web.${n}`, address: `10.0.128.${10 + n}`, port: 5000 });
const feed = (...servers: RouteServer[]): NamespacedRouteFeed => ({
  spaces: [],
  draining: [],
  apps: [{ appId: 'a1', name: 'shop', spaceId: 's', namespace: 'cvs-s', internal: false, hostnames: ['shop.apps.test'], inboundRules: null, servers, idleCode: 'H14' }],
});

test('ServerSlots needs a new process for a backend it has no slots for', () => {
  const slots = new ServerSlots();
  const plan = slots.plan(feed(server(1), server(2)));
  assert.equal(plan.commands, null);
  assert.deepEqual(plan.fresh.get('a1')?.slice(0, 3), [server(1), server(2), null]);
  assert.equal(plan.fresh.get('a1')?.length, 8);
});

test('ServerSlots adds joining dynos before it drains leaving ones, and reuses a slot only once nothing of its old dyno is left', () => {
  const slots = new ServerSlots();
  slots.reloaded(slots.plan(feed(server(1), server(2))).fresh);
  assert.deepEqual(slots.plan(feed(server(1), server(2))).commands, []);
  const restart = slots.plan(feed(server(3), server(4)));
  assert.deepEqual(restart.commands, [
    'set server app-a1/s3 addr 10.0.128.13 port 5000',
    'set server app-a1/s3 health up',
    'set server app-a1/s3 state ready',
    'set server app-a1/s4 addr 10.0.128.14 port 5000',
    'set server app-a1/s4 health up',
    'set server app-a1/s4 state ready',
    'set server app-a1/s1 state maint',
    'set server app-a1/s2 state maint',
  ]);
  slots.applied();
  assert.deepEqual(slots.dynoIds.sort(), ['d1', 'd2', 'd3', 'd4']);
  assert.deepEqual(slots.draining.map((d) => `${d.proxy}/${d.server}`), ['app-a1/s1', 'app-a1/s2']);
  slots.released('app-a1', 's1', true);
  assert.deepEqual(slots.dynoIds.sort(), ['d2', 'd3', 'd4']);
  assert.deepEqual(slots.spent, [{ proxy: 'app-a1', server: 's1' }]);
  // s1 is spent (HAProxy still pools a connection of it): the next dyno takes another slot.
  const next = slots.plan(feed(server(3), server(4), server(5)));
  assert.deepEqual(next.commands?.slice(0, 1), ['set server app-a1/s5 addr 10.0.128.15 port 5000']);
  // Once nothing of d1 is pooled, s1 takes the next dyno.
  slots.released('app-a1', 's1', false);
  assert.deepEqual(slots.spent, []);
  assert.deepEqual(slots.plan(feed(server(3), server(4), server(6))).commands?.slice(0, 1), ['set server app-a1/s1 addr 10.0.128.16 port 5000']);
});

test('ServerSlots keeps a process through any number of restarts when slots come back', () => {
  const slots = new ServerSlots();
  slots.reloaded(slots.plan(feed(server(1), server(2), server(3), server(4))).fresh);
  for (let round = 1; round <= 10; round++) {
    const next = [1, 2, 3, 4].map((n) => server(round * 10 + n));
    const plan = slots.plan(feed(...next));
    assert.notEqual(plan.commands, null, `restart ${round} needed a new process`);
    slots.applied();
    for (const d of slots.draining) slots.released(d.proxy, d.server, false);
  }
});

test('ServerSlots drains a backend down to no server at run time, and needs a new process when slots run out', () => {
  const slots = new ServerSlots();
  slots.reloaded(slots.plan(feed(server(1))).fresh);
  assert.deepEqual(slots.plan(feed()).commands, ['set server app-a1/s1 state maint']);
  const many = Array.from({ length: 8 }, (_, i) => server(i + 2));
  assert.equal(slots.plan(feed(...many)).commands, null);
  assert.equal(slots.plan({ ...feed(), apps: [] }).commands, null);
});

test('ServerSlots.restore() of a snapshot (through JSON, as saved beside HAProxy) plans exactly as the original', () => {
  const original = new ServerSlots();
  original.reloaded(original.plan(feed(server(1), server(2))).fresh);
  original.plan(feed(server(2), server(3)));
  original.applied();
  const adopted = new ServerSlots();
  adopted.restore(JSON.parse(JSON.stringify(original.snapshot())) as ReturnType<ServerSlots['snapshot']>);
  assert.deepEqual(adopted.dynoIds, original.dynoIds);
  assert.deepEqual(adopted.draining, original.draining);
  // Nothing changed since: no command; a change: the same commands either way.
  assert.deepEqual(adopted.plan(feed(server(2), server(3))).commands, []);
  assert.deepEqual(adopted.plan(feed(server(3), server(4))).commands, original.plan(feed(server(3), server(4))).commands);
});
