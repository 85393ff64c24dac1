import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Dyno } from '@cove/schema';
import { dynoListLines } from './dyno-list.js';

const now = new Date(2026, 10, 22, 10, 1, 0);
const updated = new Date(2026, 10, 22, 10, 0, 0).toISOString();
const dyno = (name: string, command: string, size = 'Private-S'): Dyno =>
  ({ name, type: name.split('.')[0], command, size, state: 'up', updated_at: updated }) as Dyno;

test('dynoListLines() groups by type and command, ordered by dyno number', () => {
  const lines = dynoListLines([dyno('web.10', 'node s.js'), dyno('web.2', 'node s.js'), dyno('worker.1', 'node w.js')], { now });
  assert.deepEqual(lines, [
    '=== web (Private-S): node s.js (2)\n',
    'web.2: up 2026/11/22 10:00:00 (~ 1m ago)',
    'web.10: up 2026/11/22 10:00:00 (~ 1m ago)',
    '',
    '=== worker (Private-S): node w.js (1)\n',
    'worker.1: up 2026/11/22 10:00:00 (~ 1m ago)',
    '',
  ]);
});

test('dynoListLines() shows Shield sizes in shield spaces and lists one-off dynos first', () => {
  const lines = dynoListLines([dyno('web.1', 'x'), dyno('run.1', 'bash')], { now, shield: true });
  assert.equal(lines[0], '=== run: one-off processes (1)\n');
  assert.equal(lines[1], 'run.1 (Shield-S): up 2026/11/22 10:00:00 (~ 1m ago): bash');
  assert.equal(lines[3], '=== web (Shield-S): x (1)\n');
});
