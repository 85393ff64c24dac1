/**
 * The lint is part of the suite (scripts/test runs scripts/lint), so it must fail on a planted
 * violation. Each test lays a small tree of fixture files in a temporary folder, beside copies
 * of the repo's eslint.config.js and its local rules (the config reads its paths relative to
 * itself), and lints only those files: fast, and nothing is written into the repo while other
 * test files read its sources.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { test, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';

const run = promisify(execFile);
const root = resolve(new URL('../..', import.meta.url).pathname);
const P = 'packages/platform/src';

async function fixtureTree(t: TestContext, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cove-lint-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  await cp(join(root, 'eslint.config.js'), join(dir, 'eslint.config.js'));
  await cp(join(root, 'scripts/eslint-rules'), join(dir, 'scripts/eslint-rules'), { recursive: true });
  await cp(join(root, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));
  const all: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'cove-lint-fixture', private: true, type: 'module' }),
    'tsconfig.json': JSON.stringify({ files: [], references: [{ path: 'packages/platform' }] }),
    'packages/platform/tsconfig.json': JSON.stringify({
      extends: '../../tsconfig.base.json',
      compilerOptions: { rootDir: 'src', outDir: 'dist' },
      include: ['src'],
    }),
    [`${P}/backends/runtime.ts`]: [
      'export interface DynoSpec { readonly id: string }',
      'export interface Runtime {',
      '  readonly kind: string;',
      '  start(): Promise<void>;',
      '  stopDyno(dynoId: string): Promise<void>;',
      '}',
    ].join('\n'),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), `${text}\n`);
  }
  return dir;
}

/** Lints the fixture tree with the repo's config; returns "file: rule" for every message. */
async function lint(dir: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: join(dir, 'eslint.config.js') });
  const results = await eslint.lintFiles(['packages']);
  return results.flatMap((r) => r.messages.map((m) => `${relative(join(dir, P), r.filePath)}: ${m.ruleId ?? m.message}`)).sort();
}

test('scripts/lint fails on a planted plane violation, a floating promise and a runtime call outside the reconcilers', async (t) => {
  const dir = await fixtureTree(t, {
    [`${P}/controlplane/store/store.ts`]: 'export function changed(): Promise<void> { return Promise.resolve(); }',
    [`${P}/backends/linux/linux-runtime.ts`]: 'export const kind = "linux";',
    // The data plane reaching into the control plane, and a promise nobody awaits.
    [`${P}/dataplane/router/planted.ts`]: [
      "import { changed } from '../../controlplane/store/store.js';",
      'export function onRequest(): void {',
      '  changed();',
      '}',
    ].join('\n'),
    // The API reaching a backend kind; configuration read deep in the code.
    [`${P}/controlplane/api/planted.ts`]: [
      "import { kind } from '../../backends/linux/linux-runtime.js';",
      "export const planted = kind + (process.env['COVE_PLANTED'] ?? '');",
    ].join('\n'),
    // The builder driving the runtime itself instead of leaving it to a reconciler.
    [`${P}/controlplane/builder/planted.ts`]: [
      "import type { Runtime } from '../../backends/runtime.js';",
      'export async function build(runtime: Runtime): Promise<void> {',
      "  await runtime.stopDyno('web.1');",
      '}',
    ].join('\n'),
    // The domain naming the SQLite store instead of the Store interface (its test may: no message).
    [`${P}/controlplane/store/sqlite/sqlite-store.ts`]: 'export class SqliteStore {}',
    [`${P}/controlplane/domain/planted.ts`]: [
      "import { SqliteStore } from '../store/sqlite/sqlite-store.js';",
      'export const store = new SqliteStore();',
    ].join('\n'),
    [`${P}/controlplane/domain/planted.test.ts`]: [
      "import { SqliteStore } from '../store/sqlite/sqlite-store.js';",
      'export const store = new SqliteStore();',
    ].join('\n'),
    // The same call from a reconciler is what the rules allow: no message expected.
    [`${P}/controlplane/reconciler/planted.ts`]: [
      "import type { Runtime } from '../../backends/runtime.js';",
      'export async function reconcile(runtime: Runtime): Promise<void> {',
      "  await runtime.stopDyno('web.1');",
      '}',
    ].join('\n'),
  });
  assert.deepEqual(await lint(dir), [
    'controlplane/api/planted.ts: import-x/no-restricted-paths', // api → backends
    'controlplane/api/planted.ts: import-x/no-restricted-paths', // only the factory imports backends/linux
    'controlplane/api/planted.ts: no-restricted-properties', // process.env
    'controlplane/builder/planted.ts: cove/only-reconcilers-call-the-runtime',
    'controlplane/domain/planted.ts: import-x/no-restricted-paths', // only platform.ts opens the SQLite store
    'dataplane/router/planted.ts: @typescript-eslint/no-floating-promises',
    'dataplane/router/planted.ts: import-x/no-restricted-paths', // dataplane → controlplane
  ]);
});

test('the cycle check fails on two files that import each other, a type-only import included', async (t) => {
  const dir = await fixtureTree(t, {
    [`${P}/shared/clean-a.ts`]: "import { b } from './clean-b.js';\nexport const a = b + 1;",
    [`${P}/shared/clean-b.ts`]: 'export const b = 1;',
    [`${P}/components/router-component.ts`]: [
      "import type { ComponentContext } from '../platform-component.js';",
      'export class RouterComponent { constructor(readonly context: ComponentContext) {} }',
    ].join('\n'),
    [`${P}/platform-component.ts`]: [
      "import { RouterComponent } from './components/router-component.js';",
      'export interface ComponentContext { readonly name: string }',
      "export const component = new RouterComponent({ name: 'router' });",
    ].join('\n'),
  });
  const check = (folder: string) => run(join(root, 'scripts/check-cycles'), [join(dir, folder)], { cwd: root });

  await check(`${P}/shared`); // no cycle: exits 0

  const failed = await check(P).then(
    () => assert.fail('scripts/check-cycles passed a tree with a cycle'),
    (error: unknown) => error as { code: number; stdout: string; stderr: string },
  );
  assert.notEqual(failed.code, 0);
  assert.match(failed.stderr, /Found 1 circular dependency/);
  assert.match(failed.stdout, /^1\) .*(platform-component\.ts > .*components\/router-component\.ts|router-component\.ts > .*platform-component\.ts)$/m);
  assert.doesNotMatch(failed.stdout, /clean-/); // the acyclic pair is not reported
});
