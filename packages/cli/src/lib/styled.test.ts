import assert from 'node:assert/strict';
import { test } from 'node:test';
import { styledHeader, styledObject } from './styled.js';

test('styledHeader() prints "=== title" and a blank line after it', () => {
  assert.equal(`${styledHeader('prod')}x`, '=== prod\nx');
});

test('styledObject() aligns values two columns past the longest key, keeping order', () => {
  assert.equal(styledObject({ ID: '1', 'Data CIDR': '172.23.0.0/20', State: 'allocated' }), ['ID:        1', 'Data CIDR: 172.23.0.0/20', 'State:     allocated'].join('\n'));
});

test('styledObject() leaves out null and undefined, lists arrays one per line and flattens objects', () => {
  assert.equal(
    styledObject({ Gone: undefined, Nil: null, Dynos: { web: 2, worker: 1 }, IPs: ['a', 'b'], Empty: [] }),
    ['Dynos: web: 2, worker: 1', 'IPs:   a', '       b'].join('\n'),
  );
});
