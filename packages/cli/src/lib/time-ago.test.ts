import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeAgo } from './time-ago.js';

const since = new Date(2026, 10, 22, 10, 0, 0);
const after = (seconds: number): Date => new Date(since.getTime() + seconds * 1000);

test('timeAgo() prints local time and a rough relative age like the heroku CLI', () => {
  assert.equal(timeAgo(since, after(0)), '2026/11/22 10:00:00 (~ 0s ago)');
  assert.equal(timeAgo(since, after(42)), '2026/11/22 10:00:00 (~ 42s ago)');
  assert.equal(timeAgo(since, after(90)), '2026/11/22 10:00:00 (~ 1m ago)');
  assert.equal(timeAgo(since, after(3 * 3600)), '2026/11/22 10:00:00 (~ 3h ago)');
  assert.equal(timeAgo(since, after(30 * 3600)), '2026/11/22 10:00:00');
});
