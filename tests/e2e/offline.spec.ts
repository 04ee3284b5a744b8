import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { renderAndDownload } from './editor';
import { ffprobe, saveDownload } from './helpers';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-offline-'));

/** With the network off, the sample opens and one of its clips downloads. */
async function sampleWorksOffline(page: Page) {
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Turn your LIVE into highlight clips' })).toBeVisible();
  await expect(page.getByTestId('offline-badge')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('clip-list')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download clip' }).click();
  const probe = ffprobe(await saveDownload(await downloadPromise, outDir));
  expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
}

/**
 * A first visit: the service worker precaches the shell only (its install is complete when it is
 * ready). In Chromium that is the core flow: it renders, cuts and mixes without the video engine.
 */
async function firstVisit(page: Page) {
  await page.goto('./');
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  const badge = page.getByTestId('offline-badge');
  await expect(badge.getByTestId('offline-shell')).toContainText('works offline');
  await expect(badge).toHaveAttribute('data-ready', 'true');
  await expect(badge.locator('summary')).toHaveText('Offline · on-device');
  for (const id of ['engine', 'speech', 'sample']) await expect(badge.getByTestId(`offline-${id}`)).toHaveAttribute('data-cached', 'false');
  return badge;
}

test('a first visit keeps the shell only; "Keep everything" fetches the rest, then the app works with the network off', async ({ page }) => {
  const badge = await firstVisit(page);
  await badge.locator('summary').click();
  await badge.getByRole('button', { name: /^Keep everything for offline use \(\d+\.\d MB\)$/ }).click();
  await expect(badge).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  for (const id of ['engine', 'speech', 'sample']) await expect(badge.getByTestId(`offline-${id}`)).toHaveAttribute('data-cached', 'true');
  await expect(badge.locator('summary')).toHaveText('Offline · on-device');
  await expect(badge.getByRole('button', { name: /Keep everything/ })).toHaveCount(0);
  await sampleWorksOffline(page);
});

test('after the first visit the core flow needs no video engine: import, a fast copy and a render fetch none, then work offline', async ({ page }) => {
  const engineFetches: string[] = [];
  page.context().on('request', (r) => /ffmpeg-core/.test(r.url()) && engineFetches.push(r.url()));
  const badge = await firstVisit(page);
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(page.getByTestId('clip-list')).toBeVisible();
  // Import, pauses and a fast copy: mediabunny and the browser's decoders.
  const copy = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download clip' }).click();
  await copy;
  // A render: WebCodecs video, the audio mixed in the media worker and AAC from the small wasm encoder.
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await page.getByLabel('720×1280 (faster)').check();
  const online = ffprobe(await renderAndDownload(page, outDir, 'first-render'));
  await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', 'webcodecs');
  expect(online.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
  expect(engineFetches).toEqual([]);
  await expect(badge.getByTestId('offline-engine')).toHaveAttribute('data-cached', 'false');
  // Nothing asked for the speech model: it is not fetched.
  await expect(badge.getByTestId('offline-speech')).toHaveAttribute('data-cached', 'false');
  await page.goto('./');
  await sampleWorksOffline(page);
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await page.getByLabel('720×1280 (faster)').check();
  const offline = ffprobe(await renderAndDownload(page, outDir, 'offline-render'));
  await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', 'webcodecs');
  expect(offline.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
  expect(engineFetches).toEqual([]);
});
