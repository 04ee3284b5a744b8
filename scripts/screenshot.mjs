// Regenerates docs/screenshot-highlights.png (the README's picture) from the built app + sample.
// Usage: npm run build && node scripts/screenshot.mjs
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const PORT = 4392;
const root = new URL('..', import.meta.url).pathname;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore' });
try {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  for (let i = 0; ; i++) {
    try {
      await page.goto(`http://127.0.0.1:${PORT}/`);
      break;
    } catch (err) {
      if (i > 50) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await page.getByTestId('clip-list').waitFor();
  // Wait for pause detection so the explanation shows snapped edges.
  await page.getByTestId('clip-edges').filter({ hasText: 'snapped to a pause' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('preview-video').evaluate((v) => new Promise((r) => (v.readyState >= 2 ? r() : v.addEventListener('seeked', r, { once: true }))));
  await page.screenshot({ path: `${root}docs/screenshot-highlights.png` });
  await browser.close();
} finally {
  server.kill();
}
