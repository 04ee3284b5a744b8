import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { advancedSetting, dropFiles, rowRange, saveDownload } from './helpers';

export const SAMPLE = join(import.meta.dirname, '..', '..', 'public', 'samples', 'sample.mp4');
/** Editor renders are kept short so the suite stays fast. */
export const CLIP_SEC = 6;

/**
 * The first clip of the sample (or of the dropped recording and log), kept short (`clipSec`) so
 * renders stay quick, opened in the editor. Returns the clip's start in the recording.
 */
export async function openEditor(page: Page, { files, clipSec = CLIP_SEC }: { files?: string[]; clipSec?: number } = {}): Promise<number> {
  await page.goto('./');
  if (files) await dropFiles(page, '[data-testid=home-drop]', files);
  else await page.getByRole('button', { name: 'Try the sample' }).click();
  // The worker has answered once the click timeline is drawn (a short log may have no clip at the default lengths yet).
  await expect(page.locator('.timeline svg')).toBeVisible();
  await (await advancedSetting(page, 'Min length')).fill(String(Math.min(5, clipSec)));
  await (await advancedSetting(page, 'Max length')).fill(String(clipSec));
  const first = page.getByTestId('clip-list').locator('tbody tr').first();
  await expect(first.locator('td').nth(3)).toHaveText(`${clipSec} s`);
  const [start] = await rowRange(first);
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  return start;
}

/** Clicks Render video, waits for the new result, downloads it as `<name>.mp4` in `dir`. */
export async function renderAndDownload(page: Page, dir: string, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Render video' }).click();
  // A previous result disappears when a render starts.
  await expect(page.getByTestId('render-result')).toBeHidden();
  await expect(page.getByTestId('render-result')).toBeVisible({ timeout: 150_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download video' }).click();
  const path = await saveDownload(await download, dir);
  const renamed = join(dir, `${name}.mp4`);
  await rename(path, renamed);
  return renamed;
}

/** Picks the engine in the render panel's Advanced settings (stored for this browser). */
export async function chooseEngine(page: Page, label: RegExp): Promise<void> {
  const select = page.getByLabel('Video engine');
  if (!(await select.isVisible())) await page.getByText('Advanced', { exact: true }).click();
  const value = await select.locator('option', { hasText: label }).getAttribute('value');
  await select.selectOption(value!);
}

/** Types each value into its labelled field and commits it with Enter, in order. */
export async function commitFields(page: Page, fields: ReadonlyArray<readonly [label: string, value: string]>): Promise<void> {
  for (const [label, value] of fields) {
    await page.getByLabel(label).fill(value);
    await page.getByLabel(label).press('Enter');
  }
}

type Drawn = { previewTimes: number[] };

/**
 * Plays the editor's preview from clip time `from` until `done` holds for the clip times of the
 * frames it has drawn (each frame's, as the canvas reports it), pauses, and returns those times.
 */
export async function playPreviewUntil(page: Page, from: number, done: (times: number[]) => boolean): Promise<number[]> {
  await page.getByLabel('Scrub the clip').fill(String(from));
  await page.getByTestId('live-preview').evaluate((canvas) => {
    const times: number[] = [];
    (window as unknown as Drawn).previewTimes = times;
    new MutationObserver(() => times.push(Number(canvas.getAttribute('data-time')))).observe(canvas, { attributeFilter: ['data-time'] });
  });
  const drawn = () => page.evaluate(() => (window as unknown as Drawn).previewTimes);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => done(await drawn()), { timeout: 20_000 }).toBe(true);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  return drawn();
}
