// The editor's live preview (issue 20 item 1): frames drawn and dropped while the sample's first
// clip plays for 10 s, at a laptop's size (blurred fill and centre crop) and a phone's (390×844 at
// 3 device pixels per CSS pixel: the pinned canvas is 189 CSS px wide, drawn at 568 px). Goal:
// ≥ 24 fps drawn, ≤ 5 % dropped.
// Dropped: frames the video presented that the preview did not draw (requestVideoFrameCallback's
// presentedFrames). BENCH_DIST: another build. Prints one JSON line.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { gotoWhenUp, round, serveBuild } from './app.mjs';

const PLAY_SEC = 10;
const SIZES = [
  { name: 'laptop', viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1, reframe: 'Fit with blurred background' },
  { name: 'laptop', viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1, reframe: 'Centre crop' },
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, reframe: 'Fit with blurred background' },
];

const server = serveBuild(Number(process.env.BENCH_PORT ?? 4397), process.env.BENCH_DIST);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const rows = [];
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
    await gotoWhenUp(page, server.url);
    await page.getByRole('button', { name: 'Try the sample' }).click();
    // The import's own work (pause detection in ffmpeg.wasm, poster frames) takes a core for a
    // few seconds after the project opens: measure the preview once it is done, as an editing session is.
    await page.locator('.trim-timeline figcaption', { hasText: 'Shaded: pauses' }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: /Auto-edit/ }).click();
    await page.locator('[data-testid=editor-canvas][data-ready=true]').waitFor();
    await page.getByLabel(size.reframe).check();
    const preview = page.getByTestId('live-preview');
    await page.getByRole('button', { name: 'Play' }).click();
    await preview.and(page.locator('[data-playing=true]')).waitFor();
    await page.waitForTimeout(PLAY_SEC * 1000);
    const drawn = Number(await preview.getAttribute('data-drawn'));
    const dropped = Number(await preview.getAttribute('data-dropped'));
    const width = await preview.evaluate((c) => (c as HTMLCanvasElement).width);
    await page.getByRole('button', { name: 'Pause' }).click();
    rows.push({
      size: size.name,
      reframe: size.reframe,
      canvasWidth: width,
      fps: round(drawn / PLAY_SEC),
      dropped: round(dropped / Math.max(1, drawn + dropped)),
      drawn,
    });
    await page.close();
  }
  console.log(JSON.stringify({ bench: 'preview', build: process.env.BENCH_DIST ?? 'dist', playSec: PLAY_SEC, sizes: rows }));
} finally {
  await browser.close();
  server.stop();
}
