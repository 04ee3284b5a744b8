// Screenshots of every screen (home, project, editor, shorts) at a laptop's 1280×860 and a
// phone's 390×844 (touch), made from the built app and the bundled sample, into docs/screenshots/.
// Usage: npm run build && node scripts/screenshot.mjs
//        SHOTS_DIST=/tmp/dist SHOTS_PORT=4392 node scripts/screenshot.mjs   (another build folder or port)
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';
import { gotoWhenUp, root, serveBuild } from './bench/app.mjs';

const OUT = join(root, 'docs/screenshots');
const SIZES = {
  desktop: { viewport: { width: 1280, height: 860 } },
  // A phone's CSS size with touch; twice the pixels so text stays sharp in the docs.
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

/**
 * Saves the page as docs/screenshots/<name>.png, reduced to a 256-colour palette by ffmpeg: a
 * flat dark UI loses nothing visible and the file is a fraction of the size.
 */
async function shot(page, name) {
  const raw = join(tmpdir(), `lhs-${name}.raw.png`);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path: raw });
  const palette = 'split[a][b];[a]palettegen=max_colors=256:stats_mode=full[p];[b][p]paletteuse=dither=none';
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', raw, '-vf', palette, path]);
  unlinkSync(raw);
  console.log(`${path} ${Math.round(statSync(path).size / 1024)} kB`);
}

/** Waits until the video element shows a frame. */
const frameShown = (video) =>
  video.evaluate(
    (v) => new Promise((resolve) => (v.readyState >= 2 && !v.seeking ? resolve() : v.addEventListener('seeked', () => resolve(), { once: true }))),
  );

/** Whether the editor's canvas shows the recording's frame yet (its middle is not black). */
function framePainted() {
  const canvas = document.querySelector('[data-testid=editor-canvas] canvas');
  const pixel = canvas?.getContext('2d')?.getImageData(canvas.width / 2, canvas.height * 0.75, 1, 1).data;
  return pixel !== undefined && pixel[0] + pixel[1] + pixel[2] > 30;
}

/** Every screen at one size, in a fresh browser profile (its own IndexedDB). */
async function screens(browser, url, size) {
  const context = await browser.newContext(SIZES[size]);
  const page = await context.newPage();
  // Taps on a phone, clicks on a laptop.
  const press = (locator) => (size === 'phone' ? locator.tap() : locator.click());
  try {
    await gotoWhenUp(page, url);
    await press(page.getByRole('button', { name: 'Try the sample' }));
    await page.getByTestId('clip-list').waitFor();
    // Pause detection re-makes the picks once; wait for it so the clips stay put.
    await page.locator('.trim-timeline figcaption', { hasText: 'Shaded: pauses' }).waitFor({ timeout: 60_000 });
    await frameShown(page.getByTestId('preview-video'));
    await page.evaluate(() => scrollTo(0, 0));
    await shot(page, `project-${size}`);
    // The trim timeline: frames, the sound, the product's clicks.
    await page.locator('.trim').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => [...document.querySelectorAll('.trim-frame img')].filter((i) => i.complete && i.naturalWidth > 0).length >= 3);
    await shot(page, `trim-${size}`);

    await press(page.getByRole('link', { name: /Auto-edit/ }).first());
    await page.locator('[data-testid=editor-canvas][data-ready=true]').waitFor();
    await page.waitForFunction(framePainted);
    await shot(page, `editor-${size}`);
    // On a phone each tool opens its sheet under the pinned preview.
    if (size === 'phone') {
      for (const tool of ['Video', 'Intro', 'Captions', 'Text', 'Stickers', 'Music']) {
        await press(page.getByRole('navigation', { name: 'Editor tools' }).getByRole('button', { name: tool }));
        await page.locator(`.tool-section[data-tool=${tool.toLowerCase()}]`).evaluate((el) => el.scrollIntoView({ block: 'end' }));
        await shot(page, `editor-sheet-${tool.toLowerCase()}-phone`);
      }
      // Back to the Video sheet, where the output size is chosen below.
      await press(page.getByRole('navigation', { name: 'Editor tools' }).getByRole('button', { name: 'Video' }));
      await page.evaluate(() => scrollTo(0, 0));
    }
    // Playing the edit: the preview over the canvas, 2 s in (the intro card still fading out).
    await press(page.getByRole('button', { name: 'Play' }));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=live-preview]')?.dataset.time) >= 2);
    await shot(page, `editor-playing-${size}`);
    await press(page.getByRole('button', { name: 'Pause' }));

    // A short to show in Your shorts: the faster output, rendered from the editor.
    await page.getByLabel('720×1280 (faster)').check();
    await press(page.getByRole('button', { name: 'Render video' }));
    // It goes on in the job tray while you are back on the highlights.
    await page.locator('.render-panel progress').waitFor();
    await press(page.getByRole('button', { name: '← Highlights' }));
    await page.getByTestId('clip-list').waitFor();
    const tray = page.getByTestId('job-tray');
    await tray.locator('.tray-figures', { hasText: /left/ }).waitFor({ timeout: 120_000 });
    await page.evaluate(() => scrollTo(0, 0));
    await shot(page, `tray-${size}`);
    await tray.locator('.tray-job[data-status=done]').waitFor({ timeout: 600_000 });
    await press(tray.getByRole('button', { name: 'Dismiss' }));
    const shorts = page.getByTestId('your-shorts');
    await shorts.getByTestId('short').locator('img').waitFor();
    await shorts.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, `shorts-${size}`);

    await press(page.getByRole('link', { name: 'LIVE Highlights Studio' }));
    await page.locator('.project-card').first().waitFor();
    await shot(page, `home-${size}`);
  } finally {
    await context.close();
  }
}

mkdirSync(OUT, { recursive: true });
const server = serveBuild(Number(process.env.SHOTS_PORT ?? 4392), process.env.SHOTS_DIST);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const size of Object.keys(SIZES)) await screens(browser, server.url, size);
} finally {
  await browser.close();
  server.stop();
}
