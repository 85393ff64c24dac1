// Cove's lint: typescript-eslint with type information for the promise and type rules, and the
// house style's import rules (§4.1) as lint rules, so a boundary is enforced by a tool and not
// left to review. This file, not test/architecture.test.ts, is the source of truth for them.
// Run it with `scripts/lint` (ESLint plus the cycle check); `scripts/test` runs that too.
// test/lint.test.ts copies this file and scripts/eslint-rules/ beside a fixture tree, so paths
// here are relative to this file and it imports nothing else of the repo's.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import onlyReconcilersCallTheRuntime from './scripts/eslint-rules/only-reconcilers-call-the-runtime.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const P = 'packages/platform/src';
// The backend factory dispatch: the only files outside backends/<kind>/ that may name a kind.
const BACKEND_FACTORY = [`${P}/backends/create-backend.ts`];

/**
 * Every file and folder under `dir` except the `kept` paths (and the folders that lead to them),
 * read from the tree each run, so a folder added later is inside the zone without editing this
 * file. import-x zones can exclude sources (`except`) but not targets; this gives both.
 * @param {string} dir repo-relative folder
 * @param {string[]} kept repo-relative paths to leave out
 * @returns {string[]} repo-relative paths
 */
function allBut(dir, kept) {
  const out = [];
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    if (kept.includes(path)) continue;
    if (entry.isDirectory() && kept.some((k) => k.startsWith(`${path}/`))) out.push(...allBut(path, kept));
    else out.push(path);
  }
  return out;
}

/**
 * Every non-test source file under `dir` except the `kept` paths (files or folders): for a zone
 * whose unit tests may reach past it (a test builds a real SQLite store; production code does not).
 * @param {string} dir repo-relative folder
 * @param {string[]} kept repo-relative paths to leave out
 * @returns {string[]} repo-relative file paths
 */
function sourcesBut(dir, kept) {
  return allBut(dir, kept).flatMap((path) => {
    if (statSync(join(root, path)).isDirectory()) return sourcesBut(path, kept);
    return /\.test\.ts$|-test-[\w-]+\.ts$/.test(path) ? [] : [path];
  });
}

// The kinds named in the issue, plus any folder that appears under backends/ later.
const BACKEND_KINDS = [
  ...new Set([
    'linux',
    'memory',
    'none',
    'kubernetes',
    ...allBut(`${P}/backends`, [])
      .filter((path) => statSync(join(root, path)).isDirectory())
      .map((path) => path.slice(`${P}/backends/`.length)),
  ]),
];

/** A zone, or none when a side is empty (a folder that does not exist yet). */
function zone(target, from, message, except) {
  const targets = [target].flat();
  const froms = [from].flat();
  if (targets.length === 0 || froms.length === 0) return [];
  return [{ target: targets, from: froms, message, ...(except ? { except } : {}) }];
}

const planeZones = [
  ...zone(`${P}/dataplane`, `${P}/controlplane`, 'The data plane never imports the control plane: it reads feeds (house style §4.1).'),
  ...zone(
    `${P}/controlplane/api`,
    [`${P}/backends`, `${P}/dataplane`],
    'The API writes desired state to the store; it never imports backends/ or dataplane/ (house style §4.1).',
  ),
  ...zone(
    `${P}/controlplane/domain`,
    [`${P}/backends`, `${P}/dataplane`, `${P}/controlplane/api`],
    'The domain layer decides and writes desired state; backends and the data plane are the reconcilers\' and the wiring\'s business.',
  ),
  // The store is the bottom of the control plane: a Postgres store must be a drop-in.
  ...zone(
    `${P}/controlplane/store`,
    allBut(P, [`${P}/controlplane/store`, `${P}/shared`]),
    'The store imports only itself and shared/: callers depend on it, never the other way.',
  ),
  // The SQLite store is one implementation of the Store interface (controlplane/store/store.ts);
  // only platform.ts (which opens it) and the package's public surface name it.
  ...zone(
    sourcesBut(P, [`${P}/controlplane/store`, `${P}/platform.ts`, `${P}/index.ts`]),
    `${P}/controlplane/store/sqlite`,
    'Code depends on the Store interface (controlplane/store/store.ts), not on SQLite: only platform.ts opens the SQLite store.',
  ),
  ...zone(`${P}/backends`, [`${P}/controlplane`, `${P}/bin`], 'Backends never import the control plane: they get specs through the Runtime seam.'),
  ...zone(`${P}/shared`, allBut(P, [`${P}/shared`]), 'shared/ imports nothing above it.'),
  ...zone(
    allBut(P, [`${P}/controlplane/api`, `${P}/platform.ts`]),
    `${P}/controlplane/api`,
    'Nothing imports controlplane/api/ but the API itself and platform.ts: shared rules live in controlplane/domain/.',
  ),
  // Only backends/<kind>/ itself and the backend factory dispatch know a backend kind.
  ...BACKEND_KINDS.flatMap((kind) => [
    ...zone(
      allBut(P, [`${P}/backends/${kind}`, `${P}/index.ts`, ...BACKEND_FACTORY]),
      `${P}/backends/${kind}`,
      `Only backends/${kind}/ and the backend factory dispatch (backends/create-backend.ts) import backends/${kind}/; everything else goes through the backend seam.`,
    ),
    // The package's public surface may hand a backend's factory (backends/<kind>/index.ts) to
    // the tests and benches, never its internals.
    ...zone(
      `${P}/index.ts`,
      `${P}/backends/${kind}`,
      `index.ts exports a backend only through its factory, backends/${kind}/index.ts.`,
      ['./index.ts'],
    ),
  ]),
  // The CLI and the dashboard depend only on @cove/schema and @cove/api-client (which depends
  // only on @cove/schema): no reaching into another package's files.
  ...['cli', 'dashboard', 'api-client'].flatMap((pkg) =>
    zone(
      `packages/${pkg}`,
      [...allBut('packages', [`packages/${pkg}`, 'packages/schema', ...(pkg === 'api-client' ? [] : ['packages/api-client'])]), 'test', 'bench'],
      `packages/${pkg} depends only on @cove/schema${pkg === 'api-client' ? '' : ' and @cove/api-client'}.`,
    ),
  ),
];

// Files that may hold the Runtime and call it: the reconcilers, the backends that implement it,
// and platform.ts, which constructs the backend and hands its runtime to the reconciler loop.
const RUNTIME_CALLERS = [`${P}/controlplane/reconciler/**`, `${P}/backends/**`, `${P}/platform.ts`];

// process.env through an import; one list because a later block's no-restricted-imports replaces an earlier one's.
const ENV_IMPORTS = ['node:process', 'process'].map((name) => ({
  name,
  importNames: ['env'],
  message: 'process.env is read only in bin/ and shared/config.ts; take a config slice instead.',
}));

export default defineConfig(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'packages/platform/buildpacks/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: {
      '@typescript-eslint': tseslint.plugin,
      'import-x': importX,
      cove: { rules: { 'only-reconcilers-call-the-runtime': onlyReconcilersCallTheRuntime } },
    },
    settings: {
      // import-x reads only .js files unless told otherwise.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // NodeNext sources import './x.js' for './x.ts'; the TypeScript resolver maps them back.
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          // The root tsconfig references packages/*, test and bench.
          project: join(root, 'tsconfig.json'),
        }),
      ],
    },
    rules: {
      // An async control plane: a promise nobody awaits is an error nobody sees.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's top-level test()/describe() return promises the runner itself awaits.
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/only-throw-error': 'error',
      // No cycles anywhere (house style §4.1) is scripts/check-cycles' job (madge), not
      // import-x/no-cycle's: that rule skips type-only imports, through which both of the old
      // cycles ran, and it cost a fifth of the lint's time.
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: planeZones }],
    },
  },
  {
    // Configuration is read once, in bin/ and shared/config.ts, and handed down in slices.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/*/src/bin/**', `${P}/shared/config.ts`, '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'process.env is read only in bin/ and shared/config.ts; take a config slice instead.' },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ENV_IMPORTS,
        },
      ],
    },
  },
  {
    // Only reconcilers call the runtime. A lint rule cannot follow a value through the program,
    // so this is enforced twice over: (1) outside the reconcilers, the backends and platform.ts
    // nothing imports backends/runtime.ts as a value (type imports of the spec types are fine:
    // they are data), and (2) cove/only-reconcilers-call-the-runtime uses the type checker to
    // report any access to a method of the `Runtime` interface (or of a class implementing it),
    // however the object was reached (`runtime.stopDyno()`, `this.deps.runtime.applySpace()`).
    files: [`${P}/**/*.ts`],
    ignores: [...RUNTIME_CALLERS, '**/*.test.ts', `${P}/shared/config.ts`, `${P}/bin/**`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ENV_IMPORTS,
          patterns: [
            {
              regex: '(^|/)backends/runtime\\.js$',
              allowTypeImports: true,
              message: 'Only the reconcilers (and platform.ts, which builds the backend) use backends/runtime.ts as a value.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [`${P}/**/*.ts`],
    ignores: [...RUNTIME_CALLERS, '**/*.test.ts'],
    rules: { 'cove/only-reconcilers-call-the-runtime': 'error' },
  },
  {
    // platform.ts constructs the backend and may import runtime.ts; it starts and closes what it
    // built, and calls the runtime for nothing else.
    files: [`${P}/platform.ts`],
    rules: { 'cove/only-reconcilers-call-the-runtime': ['error', { allow: ['start', 'close'] }] },
  },
  {
    // The CLI and the dashboard depend only on @cove/schema and @cove/api-client (and Node's built-ins).
    files: ['packages/cli/**/*.ts', 'packages/dashboard/**/*.ts', 'packages/dashboard/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ENV_IMPORTS,
          patterns: [{ group: ['@cove/*', '!@cove/schema', '!@cove/api-client'], message: 'The CLI and the dashboard depend only on @cove/schema and @cove/api-client.' }],
        },
      ],
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: false, optionalDependencies: false, peerDependencies: false }],
    },
  },
  {
    // The dashboard's build configuration runs at build time: it may import its dev dependencies (Vite).
    files: ['packages/dashboard/vite.config.ts'],
    rules: { 'import-x/no-extraneous-dependencies': ['error', { devDependencies: true }] },
  },
);
