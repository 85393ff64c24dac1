import { defineConfig } from 'vite';

// Preact's automatic JSX runtime (tsconfig's jsxImportSource); no framework plugin needed.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
});
