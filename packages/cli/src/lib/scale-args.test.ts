import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from './cli-error.js';
import { parseScaleArgs } from './scale-args.js';

test('parseScaleArgs() sends absolute quantities as strings without "="', () => {
  assert.deepEqual(parseScaleArgs(['web=3']), [{ type: 'web', quantity: '3' }]);
});

test('parseScaleArgs() keeps relative quantities and sizes, and rewrites Shield- to Private-', () => {
  assert.deepEqual(parseScaleArgs(['worker+1', 'web-2', 'web=2:Shield-L', 'clock=1:Private-M']), [
    { type: 'worker', quantity: '+1' },
    { type: 'web', quantity: '-2' },
    { type: 'web', quantity: '2', size: 'Private-L' },
    { type: 'clock', quantity: '1', size: 'Private-M' },
  ]);
});

test('parseScaleArgs() accepts dashed process types', () => {
  assert.deepEqual(parseScaleArgs(['my-worker=2', 'my-worker+1']), [
    { type: 'my-worker', quantity: '2' },
    { type: 'my-worker', quantity: '+1' },
  ]);
});

test('parseScaleArgs() rejects malformed arguments with a usage error', () => {
  assert.throws(() => parseScaleArgs(['web']), UsageError);
  assert.throws(() => parseScaleArgs(['web=two']), /Invalid scaling argument web=two/);
});
