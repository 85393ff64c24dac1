import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Release } from '@cove/schema';
import { parseVersion, releasesRange, rollbackCandidate, statusSuffix } from './releases.js';

const release = (version: number, eligible = true): Release => ({ id: `r${version}`, version, eligible_for_rollback: eligible }) as Release;

test('releasesRange() builds the Range header heroku sends', () => {
  assert.equal(releasesRange(15), 'version ..; max=15, order=desc');
});

test('rollbackCandidate() picks the second newest eligible release', () => {
  assert.equal(rollbackCandidate([release(5), release(4, false), release(3), release(2)]).version, 3);
  assert.equal(rollbackCandidate([release(1), release(2)]).version, 1);
  assert.throws(() => rollbackCandidate([release(1)]), /No eligible release found/);
});

test('parseVersion() accepts vN and N only', () => {
  assert.equal(parseVersion('v12'), 12);
  assert.equal(parseVersion('3'), 3);
  assert.throws(() => parseVersion('latest'), /Invalid release latest/);
});

test('statusSuffix() marks pending and failed releases', () => {
  assert.equal(statusSuffix({ status: 'succeeded' }), '');
  assert.equal(statusSuffix({ status: 'failed' }), ' release command failed');
});
