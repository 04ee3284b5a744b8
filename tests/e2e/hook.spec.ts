/**
 * Issue 23 item 3: "Open with a hook". The short opens with 1.5 s of the clip's busiest moment
 * under the product's name, then plays the clip from its start: 1.5 s longer, its first frames
 * the recording's at the teaser's moment, in both engines; the preview plays the teaser first.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseEngine, playPreviewUntil, renderAndDownload } from './editor';
import { ffprobe, frameRgb, rgbDiff, rowRange } from './helpers';

const HOOK_SEC = 1.5;
const CLIP_SEC_HOOK = 12;

test('Open with a hook: the busiest 1.5 s first, under the product name, then the clip from its start', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'lhs-hook-'));
  // The sample's first clip, its start trimmed 6 s earlier (as a seller gives a clip more lead-in):
  // its busiest moment is then well inside it, not at its start.
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  const first = page.getByTestId('clip-list').locator('tbody tr').first();
  await expect(first).toBeVisible();
  const [start] = await rowRange(first);
  const panel = page.getByRole('complementary', { name: 'Selected clip' });
  const clock = (t: number) => `${Math.floor(t / 60)}:${(t % 60).toFixed(1).padStart(4, '0')}`;
  for (const [label, t] of [
    ['Start', Math.max(0, start - 6)],
    ['End', Math.max(0, start - 6) + CLIP_SEC_HOOK],
  ] as const) {
    await panel.getByLabel(`${label} time (m:ss.s)`).fill(clock(t));
    await panel.getByLabel(`${label} time (m:ss.s)`).press('Enter');
  }
  await expect(first).toContainText('trimmed');
  await panel.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  await page.getByLabel('720×1280 (faster)').check();
  // The plain clip is the default.
  const hook = page.getByRole('checkbox', { name: 'Open with a hook' });
  await expect(hook).not.toBeChecked();
  const plain = await renderAndDownload(page, dir, 'plain');
  await hook.check();
  const at = Number(await page.getByTestId('hook-note').getAttribute('data-at'));
  console.log(`teaser from ${at} s into the clip`);
  expect(at).toBeGreaterThan(1);
  expect(at).toBeLessThanOrEqual(CLIP_SEC_HOOK - HOOK_SEC);

  // The preview plays the teaser first, then the clip from its start.
  const shown = await playPreviewUntil(page, 0, (times) => times.some((t) => t > 0.5 && t < 1));
  const clipStarts = shown.findIndex((t) => t < at - 0.1);
  expect(clipStarts).toBeGreaterThan(10);
  expect(shown.slice(0, clipStarts).every((t) => t >= at - 0.05 && t <= at + HOOK_SEC + 0.05)).toBe(true);

  for (const [engine, label] of [
    ['fast', /Fast only/],
    ['ffmpeg', /Compatible only/],
  ] as const) {
    await chooseEngine(page, label);
    const short = await renderAndDownload(page, dir, `hook-${engine}`);
    expect(Math.abs(Number(ffprobe(short).format.duration) - (Number(ffprobe(plain).format.duration) + HOOK_SEC))).toBeLessThanOrEqual(0.1);
    // Its first frame is the clip's at the teaser's moment, not the clip's start (the title aside).
    const first = frameRgb(short, 0.05);
    const atMoment = rgbDiff(first, frameRgb(plain, at + 0.05)).mean;
    const atStart = rgbDiff(first, frameRgb(plain, 0.05)).mean;
    console.log(`${engine}: first frame vs the clip at the moment ${atMoment.toFixed(1)}, at its start ${atStart.toFixed(1)}`);
    expect(atMoment).toBeLessThan(atStart / 2);
    // The product's name over the teaser (centred at 560 of 1920, so 373 of 1280): its words differ from the same moment without them.
    const band = '400:64:160:341';
    const title = rgbDiff(frameRgb(short, 0.8, 50, 8, band), frameRgb(plain, at + 0.8, 50, 8, band)).mean;
    console.log(`${engine}: the title's band differs by ${title.toFixed(1)}`);
    expect(title).toBeGreaterThan(25);
    // After the teaser the clip plays from its start: late in the clip, the same picture as the plain short's.
    expect(rgbDiff(frameRgb(short, HOOK_SEC + 5), frameRgb(plain, 5)).mean).toBeLessThan(6);
  }
});
