import { defineConfig } from 'vitest/config';

/** The Firefox suite: Debian's firefox-esr driven over WebDriver BiDi (puppeteer-core), one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
