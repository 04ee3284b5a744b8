// Trim a clip (issue 10, point 1): by dragging a handle, by keys, nudges and typed times; the cut
// has the trimmed length (ffprobe), the trim survives a reload, limits hold with a message, and
// "Reset to auto" brings the selection's range back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { renderAndDownload } from './editor';
import { advancedSetting, dropFiles, ffprobe, fixture, generated, rowRange, saveDownload } from './helpers';
import { SHOTS } from './stored';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-trim-'));
const rows = (page: Page) => page.getByTestId('clip-list').locator('tbody tr');
const panel = (page: Page) => page.getByRole('complementary', { name: 'Selected clip' });
const ariaValue = async (handle: Locator) => Number(await handle.getAttribute('aria-valuenow'));
const previewTime = (page: Page) => page.getByTestId('preview-video').evaluate((v: HTMLVideoElement) => v.currentTime);

/** Pause detection re-makes the picks once; wait until they are made with it, so the selection's ranges stay put. */
async function pausesMeasured(page: Page) {
  await expect(panel(page).locator('.trim-timeline figcaption')).toContainText('Shaded: pauses', { timeout: 60_000 });
  await expect(page.getByTestId('clip-edges')).not.toContainText('pauses not measured yet');
}

/** The projects' `clipOverrides` as IndexedDB holds them, read with the raw API. */
function storedOverrides(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('live-highlights-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('projects').objectStore('projects').getAll();
          all.onsuccess = () => {
            resolve((all.result as Array<{ clipOverrides?: unknown }>).map((p) => p.clipOverrides)[0]);
            open.result.close();
          };
        };
      }),
  );
}

/** The trim timeline's span in seconds, and its px per second. */
async function trackScale(page: Page) {
  const track = panel(page).locator('.trim-track');
  const line = (await track.boundingBox())!;
  const [from, to] = await track.evaluate((el) => [Number((el as HTMLElement).dataset.from), Number((el as HTMLElement).dataset.to)]);
  return { from: from!, to: to!, pxPerSec: line.width / (to! - from!) };
}

/**
 * Drags a handle (by its grip, with the mouse) so its edge moves to time `t` on the trim
 * timeline; with Alt held unless `snap` (a drag snaps to pauses). `release: false` keeps the button down.
 */
async function dragTo(page: Page, handle: Locator, t: number, { snap = false, release = true } = {}) {
  const { pxPerSec } = await trackScale(page);
  const box = (await handle.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  if (!snap) await page.keyboard.down('Alt');
  await page.mouse.down();
  await page.mouse.move(x + (t - (await ariaValue(handle))) * pxPerSec, y, { steps: 10 });
  if (!release) return;
  await page.mouse.up();
  if (!snap) await page.keyboard.up('Alt');
}

test('trim by drag, keys, nudges and typing: the cut has the trimmed length, and a reload keeps it', async ({ page }) => {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [generated('rec-20s.mp4'), fixture('clicks-20s.csv')]);
  await (await advancedSetting(page, 'Min length')).fill('5');
  await expect(rows(page)).toHaveCount(2);
  await pausesMeasured(page);
  const [autoStart, autoEnd] = await rowRange(rows(page).first());
  expect([autoStart, autoEnd]).toEqual([1, 9.5]);
  const start = panel(page).getByRole('slider', { name: 'Clip start' });
  const end = panel(page).getByRole('slider', { name: 'Clip end' });
  await expect(start).toHaveAttribute('aria-valuenow', '1');
  // Touch-friendly: the handle's hit area is at least 24 px wide.
  expect((await start.boundingBox())!.width).toBeGreaterThanOrEqual(24);

  // Drag the start handle to 2 s: the preview follows it.
  await dragTo(page, start, 2);
  const dragged = await ariaValue(start);
  expect(Math.abs(dragged - 2)).toBeLessThanOrEqual(0.15);
  await expect.poll(() => previewTime(page)).toBeCloseTo(dragged, 1);
  await expect(rows(page).first()).toContainText('trimmed');

  // Type the end; the preview shows it.
  const endInput = panel(page).getByLabel('End time (m:ss.s)');
  await endInput.fill('0:08.3');
  await endInput.press('Enter');
  await expect(end).toHaveAttribute('aria-valuenow', '8.3');
  await expect.poll(() => previewTime(page)).toBeCloseTo(8.3, 1);

  // Keys: 0.1 s, Shift 1 s. Nudges: 0.5 s.
  await end.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(end).toHaveAttribute('aria-valuenow', '8.5');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(end).toHaveAttribute('aria-valuenow', '7.5');
  await expect(end).toHaveAttribute('aria-valuetext', '0:07.5');
  await panel(page).getByRole('button', { name: 'Start 0.5 s later' }).click();
  const trimmedStart = await ariaValue(start);
  expect(trimmedStart).toBeCloseTo(dragged + 0.5, 5);
  const trimmedEnd = 7.5;
  const length = trimmedEnd - trimmedStart;
  await expect(panel(page).getByTestId('trim-length')).toHaveText(`Length ${length.toFixed(1)} s`);
  const [rowStart, rowEnd] = await rowRange(rows(page).first());
  expect(rowStart).toBeCloseTo(trimmedStart, 1);
  expect(rowEnd).toBe(trimmedEnd);

  // The exact cut lasts the trimmed range; the fast copy may start up to one GOP (1 s here) earlier.
  await panel(page).getByLabel('Exact cut').check();
  let download = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Download clip' }).click();
  const exact = ffprobe(await saveDownload(await download, outDir));
  expect(Math.abs(Number(exact.format.duration) - length)).toBeLessThanOrEqual(0.05);
  await panel(page).getByLabel('Exact cut').uncheck();
  download = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Download clip' }).click();
  const copy = ffprobe(await saveDownload(await download, outDir));
  expect(Number(copy.format.duration)).toBeGreaterThanOrEqual(length - 0.1);
  expect(Number(copy.format.duration)).toBeLessThanOrEqual(length + 1.1);

  // Stored with the project: only the clip's range, under its product and pitch.
  await expect.poll(() => storedOverrides(page)).toEqual({ 'P1#1': { start: trimmedStart, end: trimmedEnd } });
  await page.reload();
  await expect(rows(page).first()).toContainText('trimmed');
  expect(await ariaValue(start)).toBeCloseTo(trimmedStart, 5);
  await expect(end).toHaveAttribute('aria-valuenow', '7.5');
  await expect(panel(page).getByLabel('End time (m:ss.s)')).toHaveValue('0:07.5');

  // The editor renders the trimmed range.
  await panel(page)
    .getByRole('link', { name: /Auto-edit/ })
    .click();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  await page.getByLabel('720×1280 (faster)').check();
  const short = ffprobe(await renderAndDownload(page, outDir, 'trimmed-short'));
  expect(Math.abs(Number(short.format.duration) - length)).toBeLessThanOrEqual(0.1);
  await page.getByRole('button', { name: '← Highlights' }).click();

  // Reset to auto: the selection's range again.
  await panel(page).getByRole('button', { name: 'Reset to auto' }).click();
  await expect(start).toHaveAttribute('aria-valuenow', String(autoStart));
  await expect(end).toHaveAttribute('aria-valuenow', String(autoEnd));
  await expect(rows(page).first()).not.toContainText('trimmed');
  await expect.poll(() => storedOverrides(page)).toBeUndefined();
  await page.reload();
  await expect(end).toHaveAttribute('aria-valuenow', String(autoEnd));
});

test('limits hold with a message: 60 s at most, the start before the end, a real time; reset to auto', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(rows(page).first()).toBeVisible();
  await pausesMeasured(page);
  // The earliest clip: 70 s after its start is still inside the 3-minute recording.
  const ranges = await Promise.all((await rows(page).all()).map((r) => rowRange(r)));
  const first = ranges.indexOf(ranges.reduce((a, b) => (b[0] < a[0] ? b : a)));
  const row = rows(page).nth(first);
  await row.click();
  const [autoStart, autoEnd] = ranges[first]!;
  const start = panel(page).getByRole('slider', { name: 'Clip start' });
  const end = panel(page).getByRole('slider', { name: 'Clip end' });
  const message = panel(page).getByTestId('trim-message');
  const autoStartValue = await ariaValue(start);

  // Typing an end 70 s after the start: held at 60 s, and it says so.
  const endInput = panel(page).getByLabel('End time (m:ss.s)');
  await endInput.fill(String(autoStartValue + 70));
  await endInput.press('Enter');
  await expect(message).toHaveText(/A clip is at most 60 s: the end is held at \d+:\d\d/);
  await expect(panel(page).getByTestId('trim-length')).toHaveText('Length 60.0 s');
  expect(await ariaValue(end)).toBeCloseTo(autoStartValue + 60, 5);
  await expect(row.locator('td').nth(3)).toHaveText('60 s');
  // How it looks, on a laptop and a phone (the side column comes first there).
  await page.setViewportSize({ width: 1280, height: 860 });
  await panel(page)
    .locator('.trim')
    .evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: join(SHOTS, 'trim-1280.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await panel(page)
    .locator('.trim')
    .evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: join(SHOTS, 'trim-390.png') });
  await page.setViewportSize({ width: 1280, height: 860 });

  // A start after the end is held 1 s before it.
  const startInput = panel(page).getByLabel('Start time (m:ss.s)');
  await startInput.fill('9:00');
  await startInput.press('Tab');
  await expect(message).toHaveText(/The start must be at least 1 s before the end/);
  await expect(panel(page).getByTestId('trim-length')).toHaveText('Length 1.0 s');

  // Not a time: nothing changes, and it says what to type.
  await startInput.fill('abc');
  await startInput.press('Enter');
  await expect(message).toHaveText(/"abc" is not a time/);
  await expect(panel(page).getByTestId('trim-length')).toHaveText('Length 1.0 s');

  // Keys hold at the limits too: Home takes the start as early as 60 s allows.
  await start.focus();
  await page.keyboard.press('Home');
  await expect(panel(page).getByTestId('trim-length')).toHaveText('Length 60.0 s');

  await panel(page).getByRole('button', { name: 'Reset to auto' }).click();
  await expect(message).toBeEmpty();
  expect(await rowRange(row)).toEqual([autoStart, autoEnd]);
  await expect(row).not.toContainText('trimmed');
});

test('the filmstrip and the sound along the clip; a dragged edge snaps to a pause, and Alt stops it', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Try the sample' }).click();
  await expect(rows(page).first()).toBeVisible();
  await pausesMeasured(page);
  const { from, to } = await trackScale(page);

  // Frames from the recording along the whole view, in order, each decoded.
  const frames = panel(page).locator('.trim-frame');
  await expect
    .poll(() =>
      panel(page)
        .locator('.trim-frame img')
        .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
    )
    .toBe(await frames.count());
  const at = (await frames.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.at)))) as number[];
  expect(at.length).toBeGreaterThanOrEqual(3);
  expect(at).toEqual([...at].sort((a, b) => a - b));
  expect(at[0]).toBeLessThanOrEqual(from);
  expect(2 * at.at(-1)! - at.at(-2)!).toBeGreaterThanOrEqual(to);
  // The waveform: a point per loudness step over the view.
  const wave = panel(page).getByTestId('trim-wave').locator('path');
  expect((await wave.getAttribute('d'))!.split('L').length).toBeGreaterThan(100);

  // A pause inside the start handle's reach: its end, less the margin kept before speech.
  const end = Number(await panel(page).getByRole('slider', { name: 'Clip end' }).getAttribute('aria-valuenow'));
  const start = panel(page).getByRole('slider', { name: 'Clip start' });
  const startNow = await ariaValue(start);
  const pauses = await panel(page)
    .locator('.trim-marks rect.pause')
    .evaluateAll((rects) => rects.map((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('width'))] as [number, number]));
  const targets = pauses.map(([x, w]) => from + x + w - Math.min(0.5, w / 2));
  // Alone within 1 s (no other pause to snap to instead), clear of the current start, and 1–60 s before the end.
  const target = targets.find((t, i) => t > end - 59 && t < end - 2 && Math.abs(t - startNow) > 1 && targets.every((o, j) => j === i || Math.abs(o - t) > 1));
  expect(target).toBeDefined();

  // Dragged to 0.2 s past it: held there, and shown as snapped while the drag lasts.
  await dragTo(page, start, target! + 0.2, { snap: true, release: false });
  await expect(start).toHaveAttribute('data-snap', 'pause');
  await page.mouse.up();
  await expect(start).not.toHaveAttribute('data-snap', /./);
  expect(await ariaValue(start)).toBeCloseTo(target!, 2);

  // With Alt held it goes where it is dragged.
  await dragTo(page, start, target! + 0.5);
  const free = await ariaValue(start);
  expect(Math.abs(free - (target! + 0.5))).toBeLessThanOrEqual(0.15);
  expect(free - target!).toBeGreaterThan(0.3);
});
