/**
 * The house style's import rules, checked on the source (Deno std's scripted checks):
 * - controlplane/api never imports backends/ or dataplane/;
 * - dataplane/ never imports controlplane/;
 * - backends/ import only shared/, backends/ and dataplane/ (the data plane a backend runs and
 *   the feed types it takes), never controlplane/;
 * - a backend's own modules (backends/<kind>/) are imported only from inside it, by the factory
 *   dispatch (backends/create-backend.ts) and by the package's public surface (index.ts);
 * - shared/ imports nothing above it;
 * - process.env is read only in bin/ and shared/config.ts;
 * - the CLI depends only on @cove/schema.
 * The source of truth for these rules (and more: backend kinds, only reconcilers call the runtime,
 * no cycles) is now the lint, eslint.config.js and scripts/check-cycles, run by scripts/test;
 * this test stays as a second, dependency-free check of the oldest rules.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(new URL('../..', import.meta.url).pathname);
const platformSrc = join(root, 'packages/platform/src');

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

async function imports(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g), ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)];
  return specs.map((m) => m[1] ?? '').filter((s) => s.startsWith('.')).map((s) => relative(platformSrc, resolve(dirname(file), s)));
}

test('platform source follows the plane boundaries', async () => {
  const violations: string[] = [];
  for (const file of await sources(platformSrc)) {
    const from = relative(platformSrc, file);
    for (const target of await imports(file)) {
      const rule =
        (from.startsWith('controlplane/api/') && /^(backends|dataplane)\//.test(target) && 'api must not import backends or dataplane') ||
        (from.startsWith('dataplane/') && target.startsWith('controlplane/') && 'dataplane must not import controlplane') ||
        (from.startsWith('backends/') && !/^(backends|shared|dataplane)\//.test(target) && 'backends import only shared, backends and dataplane') ||
        (/^backends\/[^/]+\//.test(target) &&
          !from.startsWith(target.split('/').slice(0, 2).join('/') + '/') &&
          from !== 'backends/create-backend.ts' &&
          from !== 'index.ts' &&
          'only the backend itself, the factory dispatch and index.ts import backends/<kind>/') ||
        (from.startsWith('shared/') && !target.startsWith('shared/') && 'shared imports nothing above it');
      if (rule !== false) violations.push(`${from} → ${target}: ${rule}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('process.env is read only by entry points and shared/config.ts', async () => {
  const offenders: string[] = [];
  for (const file of await sources(platformSrc)) {
    const from = relative(platformSrc, file);
    if (from.startsWith('bin/') || from === 'shared/config.ts' || from.endsWith('.test.ts')) continue;
    if (/process\.env\b/.test(await readFile(file, 'utf8'))) offenders.push(from);
  }
  assert.deepEqual(offenders, []);
});

test('the CLI and the dashboard depend only on @cove/schema and @cove/api-client (and the dashboard on Preact); the client only on @cove/schema', async () => {
  const deps = async (pkg: string): Promise<string[]> =>
    Object.keys((JSON.parse(await readFile(join(root, `packages/${pkg}/package.json`), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {}).sort();
  assert.deepEqual(await deps('cli'), ['@cove/api-client', '@cove/schema']);
  assert.deepEqual(await deps('dashboard'), ['@cove/api-client', '@cove/schema', 'preact']);
  assert.deepEqual(await deps('api-client'), ['@cove/schema']);
});
