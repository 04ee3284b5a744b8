// Issue 10, saved shorts: every render is kept in IndexedDB, listed, played, downloaded, marked
// out of date, and deleted with its space given back.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CLIP_SEC, openEditor, renderAndDownload } from './editor';
import { ffprobe, saveDownload } from './helpers';
import { collectGarbage, diskContext, MB } from './shorts';
import { SHOTS, usage } from './stored';

const dir = mkdtempSync(join(tmpdir(), 'lhs-shorts-'));

/** H.264 + AAC, `sec` long (ffprobe as the oracle). */
function expectShort(path: string, sec = CLIP_SEC) {
  const probe = ffprobe(path);
  expect(probe.streams.find((s) => s.codec_type === 'video')?.codec_name).toBe('h264');
  expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
  expect(Math.abs(Number(probe.format.duration) - sec)).toBeLessThanOrEqual(0.1);
}

test('a render is kept: after a reload it is listed, plays, downloads, goes out of date with its edit, and its delete gives the space back', async ({
  baseURL,
}, info) => {
  const context = await diskContext(baseURL);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // Counts the app's persistence requests (the browser's answer is its own).
    await page.addInitScript(() => {
      const persist = StorageManager.prototype.persist;
      StorageManager.prototype.persist = function (this: StorageManager) {
        const w = window as Window & { persistCalls?: number };
        w.persistCalls = (w.persistCalls ?? 0) + 1;
        return persist.call(this);
      };
    });
    await openEditor(page);
    await page.getByLabel('720×1280 (faster)').check();
    expectShort(await renderAndDownload(page, dir, 'rendered'));
    await expect(page.getByTestId('render-kept')).toBeVisible();
    expect(await page.evaluate(() => (window as Window & { persistCalls?: number }).persistCalls)).toBe(1);

    await page.getByRole('button', { name: '← Highlights' }).click();
    await page.reload();
    const shorts = page.getByTestId('your-shorts');
    const card = shorts.getByTestId('short');
    await expect(card).toHaveCount(1);
    await expect(card).toHaveAttribute('data-status', 'current');
    await expect(card).toContainText('0:06');
    await expect(card).toContainText('720×1280');
    await expect(card.locator('img')).toHaveJSProperty('complete', true);
    await expect(shorts.getByTestId('shorts-usage')).toContainText('1 saved short');
    // Whether the browser granted persistence is shown, whichever it was.
    await expect(shorts.getByTestId('persisted')).toHaveAttribute('data-persisted', /true|false/);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'shorts-list.png'), fullPage: true });

    // Plays inline.
    await card.getByRole('button', { name: /Play the short/ }).click();
    const video = card.getByTestId('short-video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(3);

    // Downloads the stored MP4.
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Download' }).click();
    const downloaded = await saveDownload(await download, dir);
    expectShort(downloaded);
    const size = statSync(downloaded).size;

    // The home page counts it per project and in total.
    await page.goto('./');
    await expect(page.getByTestId('project-shorts')).toContainText(/1 saved short · [\d.]+ (KB|MB)/);
    await expect(page.getByTestId('storage-line')).toContainText(/1 saved short · .* This site uses [\d.]+ (KB|MB), [\d.]+ (MB|GB) available/);
    await page.screenshot({ path: join(SHOTS, 'shorts-home.png') });

    // Changing the edit makes it out of date.
    await page.goBack();
    await page.getByRole('link', { name: /Auto-edit/ }).click();
    await page.getByLabel(/Music volume/).fill('1');
    await page.waitForTimeout(600); // the edit is saved 250 ms after the change
    await page.getByRole('button', { name: '← Highlights' }).click();
    await expect(card).toHaveAttribute('data-status', 'stale');
    await expect(card.getByTestId('short-status')).toHaveText('Out of date');

    // Deleting it frees its file once nothing holds it.
    const stored = await usage(page);
    page.once('dialog', (d) => void d.accept());
    await card.getByRole('button', { name: /Delete the short/ }).click();
    await expect(card).toHaveCount(0);
    await expect(shorts.getByTestId('shorts-usage')).toContainText('0 saved shorts');
    const started = Date.now();
    await expect
      .poll(
        async () => {
          await collectGarbage(context);
          return stored - (await usage(page));
        },
        { timeout: 30_000, intervals: [500] },
      )
      .toBeGreaterThan(0.9 * size);
    info.annotations.push({
      type: 'usage (MB)',
      description: JSON.stringify({ short: MB(size), withShort: MB(stored), afterDelete: MB(await usage(page)), freedAfterMs: Date.now() - started }),
    });
  } finally {
    await context.close();
  }
});

test('warns before a render that will not fit in the storage the browser reports', async ({ page }) => {
  await page.addInitScript(() => {
    StorageManager.prototype.estimate = async () => ({ usage: 1_000_000, quota: 1_200_000 });
  });
  await openEditor(page);
  await page.getByRole('button', { name: 'Render video' }).click();
  const warning = page.getByTestId('fit-warning');
  await expect(warning).toContainText(/This short needs about [\d.]+ MB of storage, and the browser reports 200 KB free/);
  await expect(page.getByRole('status').filter({ hasText: 'Rendering' })).toHaveCount(0);
  await warning.getByRole('button', { name: 'Render anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rendering' })).toBeVisible();
  await page.getByRole('status').filter({ hasText: 'Rendering' }).getByRole('button', { name: 'Cancel' }).click();
});
