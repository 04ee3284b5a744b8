// Issue 11, phone: at 390×844 with touch, the sample's clips (with poster frames) come first; a
// chosen clip's preview comes into view; trim it, open the editor from the bar at the bottom of
// the screen, drag an overlay with a finger and change a text, render and download from the bar;
// ffprobe checks the MP4.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ffprobe, saveDownload } from './helpers';
import { SHOTS } from './stored';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const outDir = mkdtempSync(join(tmpdir(), 'lhs-phone-'));
const rows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');
const panel = (page: Page) => page.getByRole('complementary', { name: 'Selected clip' });
/** The sample's clip is trimmed to this, so the render is quick. */
const TRIMMED_SEC = 3;

/** Nothing is wider than the phone's screen. */
async function fitsWidth(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

/** A finger drag (real touch events) from `at` by (dx, dy) CSS px. */
async function touchDrag(page: Page, at: { x: number; y: number }, dx: number, dy: number) {
  const cdp = await page.context().newCDPSession(page);
  const point = (k: number) => [{ x: at.x + dx * k, y: at.y + dy * k }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(0) });
  for (let i = 1; i <= 8; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(i / 8) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Opens the selected clip's editor from the bar at the bottom; resolves to its canvas, once ready. */
async function tapAutoEdit(page: Page): Promise<Locator> {
  await page
    .getByRole('link', { name: /Auto-edit/ })
    .first()
    .tap();
  const canvas = page.locator('[data-testid=editor-canvas][data-ready=true]');
  await expect(canvas).toBeVisible();
  return canvas;
}

/** The selected overlay's box on the canvas, in design px: [left, top, width, height]. */
async function selectionBox(host: Locator): Promise<number[]> {
  await expect(host).toHaveAttribute('data-selection', /^-?\d+,-?\d+,\d+,\d+$/);
  return (await host.getAttribute('data-selection'))!.split(',').map(Number);
}

test('phone with touch: choose a clip, trim it, edit, render and download from the bar', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).tap();

  // The highlights come first, each with its poster frame; the settings are below them.
  await expect(rows(page)).toHaveCount(5);
  await expect(rows(page).first().getByTestId('clip-poster')).toHaveAttribute('data-state', 'shown');
  await expect(rows(page).first()).toBeInViewport();
  const listTop = (await page.getByTestId('clip-list').boundingBox())!.y;
  expect((await page.getByRole('region', { name: 'Settings' }).boundingBox())!.y).toBeGreaterThan(listTop);
  // Pause detection re-makes the picks once: wait for it so the ranges stay put.
  await expect(panel(page).locator('.trim-timeline figcaption')).toContainText('Shaded: pauses', { timeout: 60_000 });
  // The click timeline's time labels: every other one on a phone, at a readable size.
  const labels = page.locator('.timeline-axis span:visible');
  expect(await labels.count()).toBeLessThanOrEqual(5);
  expect(await labels.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12);
  await fitsWidth(page);
  await page.screenshot({ path: join(SHOTS, 'phone-project.png') });

  // Choosing a clip brings its preview into view.
  const row = rows(page).nth(2);
  const product = (await row.locator('.product').textContent())?.trim() ?? '';
  await row.tap();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(new RegExp(`^#3 ${product}`));
  await expect(panel(page).getByTestId('preview-video')).toBeInViewport();

  // Trim it to a few seconds: type the end, then nudge the start.
  const startHandle = panel(page).getByRole('slider', { name: 'Clip start' });
  // Trim handles are finger-sized.
  expect((await startHandle.boundingBox())!.width).toBeGreaterThanOrEqual(44);
  const start = Number(await startHandle.getAttribute('aria-valuenow'));
  const endInput = panel(page).getByLabel('End time (m:ss.s)');
  await endInput.tap();
  await endInput.fill((start + TRIMMED_SEC + 0.5).toFixed(1));
  await endInput.press('Enter');
  await panel(page).getByRole('button', { name: 'Start 0.5 s later' }).tap();
  await expect(panel(page).getByTestId('trim-length')).toHaveText(`Length ${TRIMMED_SEC.toFixed(1)} s`);
  await expect(row).toContainText('trimmed');

  // The next step is in the bar at the bottom of the screen, wherever the page is scrolled.
  const next = page.getByRole('link', { name: /Auto-edit/ });
  await page.evaluate(() => scrollTo(0, 0));
  await expect(next).toBeInViewport();
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  await expect(next).toBeInViewport();
  await next.tap();

  // The editor: its title on one or two lines, not a word per line.
  const host = page.locator('[data-testid=editor-canvas][data-ready=true]');
  await expect(host).toBeVisible();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toContainText(product);
  const lineHeight = await title.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await title.boundingBox())!.height).toBeLessThan(lineHeight * 2.5);
  await fitsWidth(page);

  // Select the intro card and drag it down with a finger; then change its text.
  await page.getByTestId('layer-intro').tap();
  const [, top0] = await selectionBox(host);
  const canvas = host.locator('canvas').last();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const k = box.width / 1080;
  const [left, top, width, height] = await selectionBox(host);
  await touchDrag(page, { x: box.x + (left! + width! / 2) * k, y: box.y + (top! + height! / 2) * k }, 0, 60);
  await expect.poll(async () => (await selectionBox(host))[1]).toBeGreaterThan(top0! + 100);
  const name = page.getByLabel('Product name');
  await name.tap();
  await name.fill('Phone pick');
  // Selecting the intro opened its sheet; the output size is in the Video tool's.
  await page.getByRole('navigation', { name: 'Editor tools' }).getByRole('button', { name: 'Video' }).tap();
  await page.getByLabel('720×1280 (faster)').tap();
  await page.screenshot({ path: join(SHOTS, 'phone-editor.png') });

  // Render and Download sit in the bar at the bottom of the screen.
  const render = page.getByRole('button', { name: 'Render video' });
  await expect(render).toBeInViewport();
  await render.tap();
  await expect(page.getByRole('progressbar', { name: /^Rendering/ })).toBeInViewport();
  await page.screenshot({ path: join(SHOTS, 'phone-rendering.png') });
  await expect(page.getByTestId('render-result')).toBeVisible({ timeout: 150_000 });
  const download = page.getByRole('button', { name: 'Download video' });
  await expect(download).toBeInViewport();
  const saved = page.waitForEvent('download');
  await download.tap();
  const probe = ffprobe(await saveDownload(await saved, outDir));
  expect(Math.abs(Number(probe.format.duration) - TRIMMED_SEC)).toBeLessThanOrEqual(0.1);
  const video = probe.streams.find((s) => s.codec_type === 'video');
  expect(video).toMatchObject({ codec_name: 'h264', width: 720, height: 1280 });
  expect(probe.streams.some((s) => s.codec_type === 'audio')).toBe(true);
});

test('phone editor: the preview stays pinned at the top while each tool opens its sheet from the bottom bar; controls are touch-sized', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).tap();
  const canvas = await tapAutoEdit(page);
  const tools = page.getByRole('navigation', { name: 'Editor tools' });
  for (const tool of ['Video', 'Intro', 'Captions', 'Text', 'Stickers', 'Music']) {
    await tools.getByRole('button', { name: tool }).tap();
    await expect(tools.getByRole('button', { name: tool })).toHaveAttribute('aria-pressed', 'true');
    const sheet = page.locator(`.tool-section[data-tool=${tool.toLowerCase()}]`);
    await expect(sheet).toBeVisible();
    await expect(page.locator('.tool-section:visible')).toHaveCount(1);
    // Scrolled down to the sheet's end: the preview is still on screen, whole, and nothing covers it.
    await sheet.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const box = (await canvas.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(box.height).toBeLessThanOrEqual(0.45 * 844);
    const sheetTop = (await sheet.boundingBox())!.y;
    const covered = await page.evaluate(({ x, y }) => !document.elementFromPoint(x, y)?.closest('[data-testid=editor-canvas]'), {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
    expect(covered, `${tool}: the preview is covered`).toBe(false);
    expect(sheetTop + (await sheet.boundingBox())!.height).toBeGreaterThan(box.y + box.height);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `phone-editor-${tool.toLowerCase()}.png`) });
    // Every control of the sheet and the pinned stage is at least 44 px high (a radio or box by its label).
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main.editor :is(button, select, textarea, input, summary)')]
        // Shown and not a skip link waiting for the keyboard (clipped to 1 px until focused).
        .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 1)
        .map((el) => ((el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio' ? (el.closest('label') ?? el) : el))
        .filter((el) => el.getBoundingClientRect().height < 44)
        .map((el) => `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)} ${Math.round(el.getBoundingClientRect().height)}`),
    );
    expect(small, `${tool}: controls under 44 px`).toEqual([]);
  }
});

test('phone editor: a render going on elsewhere shows in the tray, and the pinned preview sits below it', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).tap();
  await expect(rows(page)).toHaveCount(5);
  // Render the first clip, then go on to the second while it renders.
  await tapAutoEdit(page);
  await page.getByRole('button', { name: 'Render video' }).tap();
  await expect(page.locator('.render-panel').getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: '← Highlights' }).tap();
  await rows(page).nth(1).tap();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(/^#2 /);
  const canvas = await tapAutoEdit(page);
  const tray = page.getByTestId('job-tray');
  await expect(tray.locator('.tray-job', { hasText: /Rendering #1/ })).toBeVisible();
  // Scrolled to a sheet's end, the preview is pinned under the tray, not behind it.
  await page.getByRole('navigation', { name: 'Editor tools' }).getByRole('button', { name: 'Captions' }).tap();
  await page.locator('.tool-section[data-tool=captions]').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const trayBox = (await tray.boundingBox())!;
  const box = (await canvas.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(trayBox.y + trayBox.height - 1);
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'phone-editor-tray.png') });
  await tray.getByRole('button', { name: 'Cancel' }).tap();
  await expect(tray).toBeHidden();
});
