// Issue 19 items 3–5 and 8: no click log, and still highlights. The recording is transcribed on the
// device with the real model; each product's pitch is found in what the host says (its name, its
// price, the call to buy), explained in those words; a recording alone gets its pitches named by
// their words, and typing the products names them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { importProject, SHOTS } from './stored';

const SAMPLES = join(import.meta.dirname, '..', '..', 'public', 'samples');
const dir = mkdtempSync(join(tmpdir(), 'lhs-speech-'));
// The sample's first 80 s: the host pitches the Glow Serum (0:13–0:47), then the Bamboo Hoodie.
const RECORDING = join(dir, 'live-replay.mp4');
execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', join(SAMPLES, 'sample.mp4'), '-t', '80', '-c', 'copy', RECORDING]);
// The shop's product export: more products than this stretch of the stream pitches.
const PRODUCTS = join(dir, 'product-export.csv');
writeFileSync(
  PRODUCTS,
  ['Product ID,Product Name,Price', 'P-1001,Glow Serum,$24.99', 'P-1002,Bamboo Hoodie,$39.00', 'P-1003,Trail Bottle,$18.50', 'P-1005,Mini Blender,$49.99'].join(
    '\n',
  ),
);

/** Transcribes the whole recording from the project page and waits for it to finish. */
async function transcribe(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: 'Transcript of the recording' });
  await section.getByRole('button', { name: 'Transcribe the whole recording' }).click();
  await expect(section.getByTestId('transcript-result')).toBeVisible({ timeout: 600_000 });
}

/** The clip list's rows: product name and clip range, as the seller reads them. */
const rows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');

test('recording + product export, no click log: transcribed, each pitched product gets a clip explained by what was said', async ({ page }) => {
  test.slow();
  test.setTimeout(900_000);
  await importProject(page, [RECORDING, PRODUCTS]);
  await expect(page.getByTestId('product-list-summary')).toContainText('product-export.csv · 4 products');
  // No log: the page says how highlights come, and transcribing is the next step.
  await expect(page.getByTestId('log-empty')).toContainText('Transcribe the recording');
  await expect(page.getByTestId('clip-list')).toHaveCount(0);
  await transcribe(page);

  await expect(rows(page)).toHaveCount(2);
  const list = page.getByTestId('clip-list');
  await expect(list).toContainText('Glow Serum');
  await expect(list).toContainText('Bamboo Hoodie');
  await expect(list).not.toContainText('Trail Bottle');

  await rows(page).filter({ hasText: 'Glow Serum' }).first().click();
  const why = page.getByTestId('clip-why');
  // The speech model hears "Glow Serum" wrong on this voice; its price still names it.
  await expect(why.getByTestId('clip-spoken')).toHaveText(/^You named Glow Serum at 0:[1-4]\d, said the price at 0:[1-4]\d/);
  await expect(why.getByTestId('clip-moment')).toContainText('You pitched it hardest');
  await expect(why).toContainText('You talked about it from 0:1');
  await page.getByRole('region', { name: 'Click timeline' }).screenshot({ path: join(SHOTS, 'speech-timeline-1280.png') });
  await page.locator('.workspace').screenshot({ path: join(SHOTS, 'speech-highlights-1280.png') });

  // The highlights stay after a reload: the transcript is stored with the project.
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
});

test('recording alone: its pitches are found and named by their words; typing the products names them', async ({ page }) => {
  test.slow();
  test.setTimeout(900_000);
  await importProject(page, [RECORDING]);
  await expect(page.getByTestId('log-empty')).toBeVisible();
  await transcribe(page);

  // Two pitches (each ends in a price and a call to buy), each named by its most distinctive words
  // (what the model heard: not the product names, which it gets wrong on this voice).
  await expect(rows(page)).toHaveCount(2);
  const list = page.getByTestId('clip-list');
  await expect(list).toContainText('talk-1');
  await expect(list).toContainText('talk-2');
  await expect(page.getByTestId('log-empty')).toContainText('the highlights come from what you say in the recording');
  // What was said lies inside the recording: no event is reported outside it.
  await expect(page.getByText(/fall outside the recording/)).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SHOTS, 'speech-alone-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });

  // The seller types the products: the clips take their names, and say where they were named.
  await page.getByText('Type the products').click();
  await page.getByLabel('Products, one per line').fill('Glow Serum, $24.99\nBamboo Hoodie, $39');
  await page.getByRole('button', { name: 'Use these 2 products' }).click();
  await expect(list).toContainText('Glow Serum');
  await expect(list).toContainText('Bamboo Hoodie');
  await expect(page.getByText('· updating…')).toHaveCount(0);
  await rows(page).filter({ hasText: 'Bamboo Hoodie' }).first().click();
  await expect(page.getByTestId('clip-spoken')).toHaveText(/^You named Bamboo Hoodie at (0:[45]\d|1:0\d)/);
});
