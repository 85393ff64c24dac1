import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBuildpack, buildpackLines, removeBuildpack, setBuildpack } from './buildpacks.js';

test('setBuildpack() replaces the only buildpack, or the one at --index', () => {
  assert.deepEqual(setBuildpack([], 'heroku/nodejs'), ['heroku/nodejs']);
  assert.deepEqual(setBuildpack(['a'], 'b'), ['b']);
  assert.deepEqual(setBuildpack(['a', 'b'], 'c', '2'), ['a', 'c']);
  assert.throws(() => setBuildpack(['a', 'b'], 'c'), /--index/);
  assert.throws(() => setBuildpack(['a'], 'b', '0'), /Invalid index/);
});

test('addBuildpack() appends or inserts; duplicates are refused', () => {
  assert.deepEqual(addBuildpack(['a'], 'b'), ['a', 'b']);
  assert.deepEqual(addBuildpack(['a', 'b'], 'c', '1'), ['c', 'a', 'b']);
  assert.throws(() => addBuildpack(['a'], 'a'), /already set/);
  assert.throws(() => addBuildpack(['a'], 'b', '5'), /Invalid index 5/);
});

test('removeBuildpack() removes by URL or index, not both', () => {
  assert.deepEqual(removeBuildpack(['a', 'b'], 'a'), ['b']);
  assert.deepEqual(removeBuildpack(['a', 'b'], undefined, '2'), ['a']);
  assert.throws(() => removeBuildpack(['a'], 'a', '1'), /not both/);
  assert.throws(() => removeBuildpack(['a'], 'x'), /not found/);
});

test('buildpackLines() numbers a list of several', () => {
  assert.deepEqual(buildpackLines(['a']), ['a']);
  assert.deepEqual(buildpackLines(['a', 'b']), ['1. a', '2. b']);
});
