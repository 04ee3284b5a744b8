import { expect, test } from '@playwright/test';
import { FEATURES } from '../../src/app/browser/capabilities';

test('"What this browser can do" lists every feature, and says what the app does without the ones Chromium on Linux lacks', async ({ page }) => {
  await page.goto('./');
  const support = page.getByTestId('browser-support');
  await support.getByText('What this browser can do').click();
  const rows = support.locator('li');
  await expect(rows).toHaveCount(FEATURES.length);
  const row = (id: string) => support.locator(`li[data-feature=${id}]`);
  for (const id of ['fastEngine', 'audioMix', 'h264Decode', 'savePicker', 'storage']) await expect(row(id)).toHaveAttribute('data-supported', 'true');
  // Debian's Chromium: no share sheet for files on Linux.
  await expect(row('shareFiles')).toHaveAttribute('data-supported', 'false');
  await expect(row('shareFiles')).toContainText('“Upload to TikTok” saves the video');
});
