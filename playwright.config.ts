import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4317);
// Parallel runs (several engineers on one machine) each build into their own folder.
const DIST = process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : '';

/** Drives the production build (vite preview) in Debian's Chromium; no browser downloads. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/e2e.json' }]],
  ...(process.env.E2E_DIST && { outputDir: `${process.env.E2E_DIST}-results` }),
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
