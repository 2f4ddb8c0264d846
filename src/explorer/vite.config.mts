import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: here,
  // Relative asset URLs: the bundle works under whatever path the hub mounts it on.
  base: './',
  publicDir: false,
  logLevel: 'warn',
  // Explicit, so a decorator-oriented root tsconfig cannot change how the JSX is compiled.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: `${repoRoot}dist/explorer`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Monaco alone is several MB; the warning would fire on every build.
    chunkSizeWarningLimit: 8000,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Dozens of harmless '"use client" ignored' notices from radix, framer-motion, headlessui.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // Monaco's workers are emitted as same-origin module chunks (see graphiql/setup-workers/vite).
  worker: { format: 'es' },
});
