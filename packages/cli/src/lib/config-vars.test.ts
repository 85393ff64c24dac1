import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configLines, parseAssignments, shellLines, shellQuote } from './config-vars.js';

test('parseAssignments() splits at the first "=" only', () => {
  assert.deepEqual(parseAssignments(['A=1', 'URL=postgres://x?a=b', 'EMPTY=']), { A: '1', URL: 'postgres://x?a=b', EMPTY: '' });
});

test('parseAssignments() rejects arguments without a key', () => {
  assert.throws(() => parseAssignments(['=1']), /=1 is invalid/);
  assert.throws(() => parseAssignments(['NOVALUE']), /NOVALUE is invalid. Must be in the format FOO=bar./);
  assert.throws(() => parseAssignments([]), /Must specify KEY and VALUE/);
});

test('shellQuote() quotes only when needed and escapes single quotes', () => {
  assert.equal(shellQuote('plain-value_1.2'), 'plain-value_1.2');
  assert.equal(shellQuote('hello world'), "'hello world'");
  assert.equal(shellQuote("it's"), "'it'\\''s'");
  assert.equal(shellQuote(''), "''");
});

test('configLines() aligns values and sorts keys; shellLines() prints KEY=value', () => {
  assert.deepEqual(configLines({ LONG_KEY: 'b', A: 'a' }), ['A:        a', 'LONG_KEY: b']);
  assert.deepEqual(shellLines({ B: 'x y', A: '1' }), ['A=1', "B='x y'"]);
});
