import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CLIP_SEC, commitFields, openEditor, renderAndDownload, SAMPLE } from './editor';
import { advancedSetting, bandLevel, ffprobe, regionColor, saveDownload } from './helpers';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-autoedit-'));

/** The editor canvas's box in the viewport, scrolled into view (the render panel can be taller than the screen). */
async function canvasBox(page: Page) {
  const canvas = page.locator('[data-testid=editor-canvas] canvas').last();
  await canvas.scrollIntoViewIfNeeded();
  return (await canvas.boundingBox())!;
}

const dark = (c: number[]) => Math.max(...c) < 60;

test('one-click auto-edit: 1080×1920 H.264/AAC, intro card and captions where the canvas put them, voice and music', async ({ page }) => {
  const start = await openEditor(page);
  // Full music volume so its marker tone stands clear of the voice even while ducked.
  await page.getByLabel(/Music volume/).fill('1');
  const path = await renderAndDownload(page, outDir, 'hd');
  const probe = ffprobe(path);
  const video = probe.streams.find((s) => s.codec_type === 'video');
  expect(video).toMatchObject({ codec_name: 'h264', width: 1080, height: 1920 });
  expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
  expect(Math.abs(Number(probe.format.duration) - CLIP_SEC)).toBeLessThanOrEqual(0.1);

  // Intro card (default layout: centred at 481,568, 720 wide): its dark plate at 1 s, gone at 4 s.
  expect(dark(regionColor(path, 1, 140, 560, 20, 20))).toBe(true);
  expect(dark(regionColor(path, 4, 140, 560, 20, 20))).toBe(false);
  // Caption plate (centred at 481,1386) during a transcript cue; the background beside it is lighter.
  expect(dark(regionColor(path, 4, 90, 1380, 16, 12))).toBe(true);
  expect(dark(regionColor(path, 4, 1040, 1380, 16, 12))).toBe(false);

  // The music's 3 kHz marker is in the mix; the host's voice is still there.
  expect(bandLevel(path, 3000)).toBeGreaterThan(bandLevel(SAMPLE, 3000, start, CLIP_SEC) + 5);
  expect(bandLevel(path, 500)).toBeGreaterThan(bandLevel(SAMPLE, 500, start, CLIP_SEC) - 4);
});

test('fast mode renders 720×1280; moving a sticker on the canvas moves it in the video, and the edit is kept', async ({ page }) => {
  await openEditor(page);
  await page.getByLabel('720×1280 (faster)').check();
  const before = await renderAndDownload(page, outDir, 'sticker-before');
  const probe = ffprobe(before);
  expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 720, height: 1280 });
  expect(Math.abs(Number(probe.format.duration) - CLIP_SEC)).toBeLessThanOrEqual(0.1);

  // The SALE sticker sits at design (808, 264); the canvas shows the design at 1/3 scale.
  let box = await canvasBox(page);
  const k = box.width / 1080;
  await page.mouse.move(box.x + 808 * k, box.y + 264 * k);
  await page.mouse.down();
  await page.mouse.move(box.x + 300 * k, box.y + 264 * k, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByLabel('Selected X')).toHaveValue(/^(29\d|30\d|31\d)/);
  const after = await renderAndDownload(page, outDir, 'sticker-after');

  // In 720×1280 px the sticker moved from x≈539 to x≈200 (y≈176); the video underneath is the same.
  const diff = (x: number) => {
    const a = regionColor(before, 3, x - 20, 156, 40, 40);
    const b = regionColor(after, 3, x - 20, 156, 40, 40);
    return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
  };
  expect(diff(539)).toBeGreaterThan(40);
  expect(diff(200)).toBeGreaterThan(40);
  expect(diff(400)).toBeLessThan(8);

  // Stored per clip: a reload shows the moved sticker; Reset to auto puts it back.
  await page.reload();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  box = await canvasBox(page);
  await page.mouse.click(box.x + 300 * k, box.y + 264 * k);
  await expect(page.getByLabel('Selected X')).toHaveValue(/^(29\d|30\d|31\d)/);
  await page.getByRole('button', { name: 'Reset to auto' }).click();
  // The canvas rebuilds after the reset: retry the click until the sticker is back under it.
  await expect(async () => {
    await page.mouse.click(box.x + 808 * k, box.y + 264 * k);
    await expect(page.getByLabel('Selected X')).toHaveValue('808', { timeout: 1000 });
  }).toPass();
});

test('auto-edit all clips one after another, with one overall progress; a cancelled batch resumes where it stopped, and goes on while you are on another screen', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('clip-list')).toBeVisible();
  await (await advancedSetting(page, 'Min length')).fill('4');
  await (await advancedSetting(page, 'Max length')).fill('4');
  await page.getByLabel('Clips', { exact: true }).fill('2');
  await expect(page.getByTestId('clip-list').locator('tbody tr')).toHaveCount(2);
  await page.getByLabel('Size').selectOption('fast');
  await page.getByRole('button', { name: 'Auto-edit all 2 clips' }).click();
  await expect(page.getByText('Auto-editing 2 clips')).toBeVisible();
  const results = page.getByTestId('batch-results').locator('li');
  // Cancelled once the first short is made: the batch says where it stopped and resumes from there.
  await expect(results).toHaveCount(1, { timeout: 150_000 });
  await page
    .getByRole('region', { name: 'Auto-edit all clips' })
    .getByRole('button', { name: /^Cancel/ })
    .click();
  await expect(page.getByText('Stopped before #2: 1 of 2 clips not made yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('job-phase')).toContainText('Clip 2 of 2');
  // The batch goes on while you are elsewhere: the tray follows it, then links back to its shorts.
  const project = await page.evaluate(() => location.hash);
  await page.getByRole('link', { name: 'LIVE Highlights Studio' }).click();
  const tray = page.getByTestId('job-tray');
  await expect(tray.locator('.tray-job', { hasText: 'Auto-editing 2 clips' })).toBeVisible();
  const ended = tray.locator('.tray-job[data-status=done]', { hasText: 'Auto-editing 2 clips' });
  await expect(ended).toBeVisible({ timeout: 150_000 });
  await ended.getByRole('link', { name: 'Show result' }).click();
  await expect(page).toHaveURL(new RegExp(`${project.replace(/[/#]/g, '\\$&')}$`));
  await expect(results).toHaveCount(2);
  await expect(page.getByText(/^Stopped before/)).toHaveCount(0);
  await expect(page.getByText('Auto-editing 2 clips')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await results.nth(1).getByRole('button', { name: 'Download' }).click();
  const probe = ffprobe(await saveDownload(await download, outDir));
  expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 720, height: 1280 });
  expect(Math.abs(Number(probe.format.duration) - 4)).toBeLessThanOrEqual(0.1);
});

test('layer order: the sticker brought forward over the intro card shows on top in the short (issue 20 item 8)', async ({ page }) => {
  await openEditor(page);
  await page.getByLabel('720×1280 (faster)').check();
  // Put the SALE sticker where the intro card is.
  await page.getByTestId('layer-intro').click();
  const [x, y] = [await page.getByLabel('Selected X').inputValue(), await page.getByLabel('Selected Y').inputValue()];
  await page.getByTestId('layer-sticker-sticker-1').click();
  await commitFields(page, [
    ['Selected X', x],
    ['Selected Y', y],
  ]);
  const send = page.getByRole('button', { name: 'Send backward' });
  const bring = page.getByRole('button', { name: 'Bring forward' });
  await expect(bring).toBeEnabled();
  const behind = await renderAndDownload(page, outDir, 'layer-behind');
  await bring.click();
  // On top now: it cannot go further up, and can go back down.
  await expect(bring).toBeDisabled();
  await expect(send).toBeEnabled();
  const front = await renderAndDownload(page, outDir, 'layer-front');
  // At 1.5 s the intro card is fully shown; the sticker's centre (design px × 2/3 in 720×1280).
  const at = (path: string) => regionColor(path, 1.5, (Number(x) * 2) / 3 - 8, (Number(y) * 2) / 3 - 8, 16, 16);
  const [r, g] = at(front);
  expect(r! - g!, `front ${at(front)} vs behind ${at(behind)}`).toBeGreaterThan(60);
  expect(Math.max(...at(behind).map((v, i) => Math.abs(v - at(front)[i]!)))).toBeGreaterThan(40);
});

test('an SVG sticker with HTML inside: the HTML is left out with a note, and the short renders with the rest of it', async ({ page }) => {
  await openEditor(page);
  await page.getByLabel('Your image…').setInputFiles(join(import.meta.dirname, '..', 'fixtures', 'sticker-html.svg'));
  await expect(page.getByTestId('image-note')).toContainText('foreignObject');
  const path = await renderAndDownload(page, outDir, 'svg-sticker');
  // The sticker (200×200 magenta, new stickers sit at 540,760) after the intro card has gone.
  const [r, g, b] = regionColor(path, 4, 530, 750, 20, 20);
  expect(r).toBeGreaterThan(200);
  expect(g).toBeLessThan(60);
  expect(b).toBeGreaterThan(200);
});
