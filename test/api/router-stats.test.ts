import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

let p: BootedPlatform;
before(async () => {
  p = await bootPlatform();
  await p.createSpace();
  await p.request('POST', '/teams/apps', { body: { name: 'web-app', space: 'prod' } });
});
after(() => p.close());

test('GET /apps/:app/router-stats counts the router lines of the app log by status class, with p50/p95', async () => {
  const app = (await p.request('GET', '/apps/web-app')).body as { id: string };
  const now = new Date().toISOString();
  for (const [status, ms] of [[200, 10], [200, 20], [503, 30000]] as const) {
    p.platform.store.appendLog({ appId: app.id, time: now, source: 'heroku', dyno: 'router', message: `at=info method=GET path="/" host=web-app.apps.test dyno=web.1 connect=0ms service=${ms}ms status=${status} bytes=1 protocol=http` });
  }
  const res = await p.request('GET', '/apps/web-app/router-stats');
  assert.equal(res.status, 200);
  const stats = res.body as { step_seconds: number; points: { requests: number; by_class: Record<string, number>; p50_ms: number | null; p95_ms: number | null }[] };
  assert.equal(stats.step_seconds, 30);
  assert.equal(stats.points.length, 30);
  // The lines fall in the newest step, or the one before when a step boundary passed meanwhile.
  const busy = stats.points.filter((pt) => pt.requests > 0);
  assert.equal(busy.length, 1);
  assert.ok(stats.points.indexOf(busy[0]!) >= stats.points.length - 2);
  const last = busy[0];
  assert.equal(last?.requests, 3);
  assert.equal(last?.by_class['2xx'], 2);
  assert.equal(last?.by_class['5xx'], 1);
  assert.equal(last?.p50_ms, 20);
  assert.equal(last?.p95_ms, 30000);
  assert.equal((await p.request('GET', '/apps/nope/router-stats')).status, 404);
});
