import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { ERROR_CATALOGUE_IDS, RUNTIME_ERROR_CODES } from '@cove/platform';

const docs = await readFile(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

function documented(section: string): string[] {
  const part = docs.split(/^## /m).find((s) => s.startsWith(section)) ?? '';
  return [...part.matchAll(/^\| `([A-Za-z_]+)` \|/gm)].map((m) => m[1] ?? '');
}

test('docs/errors.md lists exactly the API error ids of the catalogue', () => {
  assert.deepEqual(documented('API error ids').sort(), [...ERROR_CATALOGUE_IDS].sort());
});

test('docs/errors.md lists exactly the runtime error codes of the catalogue', () => {
  assert.deepEqual(documented('Runtime error codes').sort(), Object.keys(RUNTIME_ERROR_CODES).sort());
});
