// Issue 11, clip thumbnails: each clip row shows a poster frame of the recording; where the browser
// cannot decode the recording's picture (HEVC in this Chromium), a placeholder in its place.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { advancedSetting, dropFiles, generated } from './helpers';
import { SHOTS } from './stored';

const rows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');

test('every clip row of the sample shows a poster frame', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(rows(page)).toHaveCount(5);
  for (const row of await rows(page).all()) {
    const poster = row.getByTestId('clip-poster');
    await expect(poster).toHaveAttribute('data-state', 'shown');
    // A small JPEG (160 px wide), not the recording's full frame.
    expect(await poster.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
  }
});

test('an HEVC recording (no picture in this browser) gets the placeholder', async ({ page }) => {
  const log = join(mkdtempSync(join(tmpdir(), 'lhs-posters-')), 'hevc-clicks.csv');
  writeFileSync(log, ['time,event,product_id,product_name', ...[1, 1.5, 2, 2.5, 3, 3.5, 4].map((t) => `${t},click,P1,Red Mug`)].join('\n'));
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [generated('rec-hevc.mp4'), log]);
  await expect(page.locator('.timeline svg')).toBeVisible();
  await (await advancedSetting(page, 'Min length')).fill('4');
  await (await advancedSetting(page, 'Max length')).fill('4');
  const poster = rows(page).first().getByTestId('clip-poster');
  await expect(poster).toHaveAttribute('data-state', 'none', { timeout: 20_000 });
  await expect(poster).toHaveText('R');
  await rows(page)
    .first()
    .screenshot({ path: join(SHOTS, 'poster-placeholder.png') });
});
