import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ffprobe, saveDownload } from './helpers';

test('after the first visit it works with the network off, ffmpeg core included', async ({ page, context }) => {
  await page.goto('./');
  // The service worker is active once its precache (shell, ffmpeg core, sample) is complete.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Turn your LIVE into highlight clips' })).toBeVisible();
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('clip-list')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download clip' }).click();
  const probe = ffprobe(await saveDownload(await downloadPromise, mkdtempSync(join(tmpdir(), 'lhs-offline-'))));
  expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
});
