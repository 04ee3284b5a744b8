import { defineConfig } from 'vitest/config';

/** The WebKit suite: Debian's WebKitGTK driven through WebKitWebDriver (selenium-webdriver), one file at a time, in order. */
export default defineConfig({
  test: {
    include: ['tests/webkit/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
