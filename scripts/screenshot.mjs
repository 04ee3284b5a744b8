// Regenerates docs/screenshot-highlights.png (the README's picture) from the built app + sample.
// Usage: npm run build && node scripts/screenshot.mjs
import { openApp, root } from './bench/app.mjs';

const app = await openApp(4392, { width: 1280, height: 860 });
try {
  const { page } = app;
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await page.getByTestId('clip-list').waitFor();
  // Wait for pause detection so the explanation shows snapped edges.
  await page.getByTestId('clip-edges').filter({ hasText: 'snapped to a pause' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('preview-video').evaluate((v) => new Promise((r) => (v.readyState >= 2 ? r() : v.addEventListener('seeked', r, { once: true }))));
  await page.screenshot({ path: `${root}docs/screenshot-highlights.png` });
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await page.locator('[data-testid=editor-canvas][data-ready=true]').waitFor();
  await page.screenshot({ path: `${root}docs/screenshot-editor.png` });
} finally {
  await app.close();
}
