import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withRangeAdded, withRangeRemoved } from './trusted-ip-ranges.js';

test('withRangeAdded() appends an allow rule and refuses duplicates', () => {
  assert.deepEqual(withRangeAdded([{ action: 'allow', source: '0.0.0.0/0' }], '1.2.3.4/32'), [
    { action: 'allow', source: '0.0.0.0/0' },
    { action: 'allow', source: '1.2.3.4/32' },
  ]);
  assert.throws(() => withRangeAdded([{ action: 'allow', source: '1.2.3.4/32' }], '1.2.3.4/32'), /A rule already exists for 1.2.3.4\/32/);
  assert.throws(() => withRangeAdded(undefined, '1.2.3.4/32'), /A rule already exists/);
});

test('withRangeRemoved() uses the heroku CLI messages', () => {
  assert.deepEqual(withRangeRemoved([{ action: 'allow', source: 'a' }, { action: 'allow', source: 'b' }], 'a'), [{ action: 'allow', source: 'b' }]);
  assert.throws(() => withRangeRemoved([], 'a'), { message: 'No IP ranges are configured. Nothing to do.' });
  assert.throws(() => withRangeRemoved([{ action: 'allow', source: 'b' }], 'a'), { message: 'No IP range matching a was found.' });
});
