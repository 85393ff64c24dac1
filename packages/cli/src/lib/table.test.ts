import assert from 'node:assert/strict';
import { test } from 'node:test';
import { table } from './table.js';

const rows = [
  { name: 'acme', role: 'admin' },
  { name: 'a-much-longer-team', role: null },
];

test('table() pads columns to the widest cell and rules the header', () => {
  assert.equal(
    table(rows, [{ header: 'Team', get: (r) => r.name }, { header: 'Role', get: (r) => r.role }]),
    ['Team                Role', '──────────────────  ─────', 'acme                admin', 'a-much-longer-team'].join('\n'),
  );
});

test('table() without header prints only rows', () => {
  assert.equal(table([{ v: 1, d: 'x' }], [{ header: 'version', get: (r) => `v${r.v}` }, { header: 'd', get: (r) => r.d }], { header: false }), 'v1  x');
});
