import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openEditor } from './editor';
import { SHOTS } from './stored';

const SAMPLES = join(import.meta.dirname, '..', '..', 'public', 'samples');

test('a long job follows you: the tray on another screen shows its step, percent and a time left that counts down; Show goes back to it; once done it links to the result', async ({
  page,
}) => {
  // The whole sample transcribed with the real model: a minute or more on a busy 2-core machine.
  test.slow();
  await page.goto('./');
  // The sample without its SRT, so the whole recording can be transcribed.
  await page.locator('[data-testid=home-drop] input[type=file]').setInputFiles([join(SAMPLES, 'sample.mp4'), join(SAMPLES, 'sample-clicks.csv')]);
  const section = page.getByRole('region', { name: 'Transcript of the recording' });
  await section.getByRole('button', { name: 'Transcribe the whole recording' }).click();
  await expect(section.getByTestId('job-phase')).toBeVisible();
  const project = await page.evaluate(() => location.hash);
  // On its own screen the job shows there, not in the tray.
  const tray = page.getByTestId('job-tray');
  await expect(tray).toBeHidden();

  await page.getByRole('link', { name: 'LIVE Highlights Studio' }).click();
  await expect(page.locator('.project-card').first()).toBeVisible();
  await expect(tray).toBeVisible();
  const item = tray.locator('.tray-job', { hasText: /Transcrib/ });
  await expect(item).toContainText(/Loading the speech model|Transcribing/);
  // Once estimated, the time left moves every second (between the job's own reports too).
  const figures = item.locator('.tray-figures');
  await expect(figures).toHaveText(/\d+% · (\d+ min )?\d+ s left/, { timeout: 600_000 });
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'job-tray.png') });
  const first = await figures.textContent();
  await expect(figures).not.toHaveText(first!);

  await item.getByRole('link', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`${project.replace(/[/#]/g, '\\$&')}$`));
  // Back on its screen: the same job, still going (not started again), shown there and not in the tray.
  await expect(section.getByTestId('job-phase')).toHaveText(/Transcribing/);
  await expect(tray.locator('.tray-job', { hasText: /Transcrib/ })).toBeHidden();

  // Away again until it ends: the tray says it is done and links to the result.
  await page.getByRole('link', { name: 'LIVE Highlights Studio' }).click();
  const ended = tray.locator('.tray-job[data-status=done]', { hasText: /Transcrib/ });
  await expect(ended).toContainText('done', { timeout: 600_000 });
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'job-tray-done.png') });
  await ended.getByRole('link', { name: 'Show result' }).click();
  await expect(page).toHaveURL(new RegExp(`${project.replace(/[/#]/g, '\\$&')}$`));
  await expect(section.getByTestId('transcript-result')).toBeVisible();
  // Seen: it leaves the tray, here and on the next screen.
  await expect(tray).toBeHidden();
  await page.getByRole('link', { name: 'LIVE Highlights Studio' }).click();
  await expect(page.locator('.project-card').first()).toBeVisible();
  await expect(tray).toBeHidden();
});

test('a render from the editor goes on while you pick another clip: the tray follows it and Show result opens its short', async ({ page }) => {
  // 15 s: long enough to still be rendering when the page changes.
  await openEditor(page, { clipSec: 15 });
  await page.getByLabel('720×1280 (faster)').check();
  const editor = await page.evaluate(() => location.hash);
  await page.getByRole('button', { name: 'Render video' }).click();
  await expect(page.locator('.render-panel').getByRole('progressbar')).toBeVisible();
  // Back to the highlights while it renders.
  await page.getByRole('button', { name: '← Highlights' }).click();
  await expect(page.getByTestId('clip-list')).toBeVisible();
  const tray = page.getByTestId('job-tray');
  await expect(tray.locator('.tray-job', { hasText: /Rendering #1 .+ \(720×1280\)/ })).toBeVisible();
  const ended = tray.locator('.tray-job[data-status=done]', { hasText: /Rendering #1/ });
  await expect(ended).toBeVisible({ timeout: 300_000 });
  await ended.getByRole('link', { name: 'Show result' }).click();
  await expect(page).toHaveURL(new RegExp(`${editor.replace(/[/#]/g, '\\$&')}$`));
  // The short it made, kept, with its download.
  await expect(page.getByTestId('render-result')).toBeVisible();
  await expect(page.getByTestId('render-kept')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download video' })).toBeVisible();
  await expect(tray).toBeHidden();
});
