import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

// The hub behind PgBouncer (Debian's package) in transaction pooling mode; kept out of `npm test`
// because it needs that package. Same transforms and the same test server as the main suite.
export default defineConfig({
  plugins: base.plugins,
  resolve: base.resolve,
  test: {
    include: ['test/pooler/**/*.pooler.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
