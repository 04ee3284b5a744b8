import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CLIP_SEC, openEditor, renderAndDownload } from './editor';
import { decodeErrors, ffprobe } from './helpers';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-check-'));

test('every file is read back before it is done: a broken fast render is re-made by the other engine, and when both break, a named error', async ({ page }) => {
  await openEditor(page);
  // The test hook cuts the fast engine's file short before its check, as a broken write would.
  await page.evaluate(() => localStorage.setItem('lhs.test.breakOutput', 'webcodecs'));
  const path = await renderAndDownload(page, outDir, 'remade');
  const note = page.getByTestId('render-engine');
  await expect(note).toHaveAttribute('data-engine', 'ffmpeg');
  await expect(note).toContainText('The fast engine could not make this one, so the slower, compatible one did.');
  await note.getByText('Details').click();
  await expect(note).toContainText(/The file the fast engine made failed its check: .*(can't be read back|can't be found|don't decode|lasts)/);
  // What the user got is whole.
  expect(Math.abs(Number(ffprobe(path).format.duration) - CLIP_SEC)).toBeLessThanOrEqual(0.1);
  expect(decodeErrors(path)).toBe('');

  await page.evaluate(() => localStorage.setItem('lhs.test.breakOutput', 'all'));
  await page.getByRole('button', { name: 'Render video' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be rendered' });
  await expect(alert).toContainText('Both engines made a broken file, so nothing was saved.', { timeout: 150_000 });
  await expect(page.getByTestId('render-result')).toBeHidden();
});

test("a short's picture is compared with the recording: a right one says so, a wrong one is re-made by the other engine", async ({ page }) => {
  await openEditor(page);
  await page.getByLabel('720×1280 (faster)').check();
  await renderAndDownload(page, outDir, 'picture-right');
  const note = page.getByTestId('render-engine');
  await expect(note).toHaveAttribute('data-engine', 'webcodecs');
  // Measured where no overlay sits, as thumbnails: a right render differs by a few levels of 255.
  expect(Number(await note.getAttribute('data-picture-diff'))).toBeLessThan(15);
  await note.getByText('Details').click();
  await expect(note).toContainText(/Checked against the recording at [1-3] moments?: the picture matches/);

  // The test hook makes the fast engine's picture compare as inverted, as a garbled render would.
  await page.evaluate(() => localStorage.setItem('lhs.test.breakPicture', 'webcodecs'));
  const path = await renderAndDownload(page, outDir, 'picture-wrong');
  await expect(note).toHaveAttribute('data-engine', 'ffmpeg');
  await note.getByText('Details').click();
  await expect(note).toContainText(/The file the fast engine made failed its check: its picture does not match the recording \(mean difference \d+\/255/);
  expect(Number(await note.getAttribute('data-picture-diff'))).toBeLessThan(15);
  expect(decodeErrors(path)).toBe('');
});
