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
