import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

// Headless-Chromium tests (playwright-core + Debian chromium); kept out of `npm test`.
// Same transforms as the main suite; the hub under test starts its own embedded PostgreSQL.
export default defineConfig({
  plugins: base.plugins,
  resolve: base.resolve,
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
