// Caption styles (issue 12, point 4; issue 11's highlight-word) and caption files (issue 12, point 3):
// each style rendered where the canvas put it, the word highlight following the spoken word in
// both engines, and the captions exported as SRT that parses with clip-relative times.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseCaptions, type Cue } from '../../src/domain/edit/captions';
import { wordTimes } from '../../src/domain/edit/wordTiming';
import { chooseEngine, CLIP_SEC, openEditor, renderAndDownload } from './editor';
import { frameRgb, regionColor, saveDownload } from './helpers';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-caption-styles-'));

/** The caption box of the default layout (centred at 481,1386 in the 1080×1920 frame), "w:h:x:y". */
const CAPTION = { x: 60, y: 1270, w: 850, h: 232 };
const crop = `${CAPTION.w}:${CAPTION.h}:${CAPTION.x}:${CAPTION.y}`;

type Rgb = [number, number, number];
/** Pixels of the caption box at t (native size) matching `test`, and their mean x (box pixels). */
function pixels(path: string, t: number, test: (c: Rgb) => boolean): { count: number; meanX: number } {
  const raw = frameRgb(path, t, CAPTION.w, CAPTION.h, crop);
  let count = 0;
  let sumX = 0;
  for (let i = 0; i + 2 < raw.length; i += 3) {
    if (!test([raw[i]!, raw[i + 1]!, raw[i + 2]!])) continue;
    count++;
    sumX += (i / 3) % CAPTION.w;
  }
  return { count, meanX: count > 0 ? sumX / count : NaN };
}
const yellow = ([r, g, b]: Rgb) => r > 200 && g > 170 && b < 90;
const white = ([r, g, b]: Rgb) => r > 215 && g > 215 && b > 215;
const black = ([r, g, b]: Rgb) => r < 35 && g < 35 && b < 35;
const dark = (c: number[]) => Math.max(...c) < 60;

/** The clip's captions as the SRT download has them (clip time, ms precision). */
async function downloadSrt(page: Page): Promise<{ name: string; cues: Cue[] }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download SRT' }).click();
  const path = await saveDownload(await download, outDir);
  return { name: path, cues: parseCaptions(readFileSync(path, 'utf8')) };
}

async function chooseStyle(page: Page, label: string) {
  await page.getByRole('radiogroup', { name: 'Caption style' }).getByLabel(label, { exact: true }).check();
}

/** The editor canvas at clip time t, saved for a look. */
async function canvasShot(page: Page, t: number, name: string) {
  await page.getByLabel('Scrub the clip').fill(String(t));
  const stage = page.locator('[data-testid=editor-canvas]');
  await expect(stage).toHaveAttribute('data-ready', 'true');
  // The scene is rebuilt after the time changes: give it a frame or two.
  await page.waitForTimeout(400);
  await stage.screenshot({ path: join(outDir, `${name}.png`) });
}

test('caption styles render where the canvas shows them; the SRT export parses with clip times', async ({ page }) => {
  await openEditor(page);
  const { name, cues } = await downloadSrt(page);
  expect(name).toMatch(/-captions_\d+m\d\ds-\d+m\d\ds\.srt$/);
  // The same lines the panel lists, timed from the clip's start.
  await expect(page.locator('ol.cues > li')).toHaveCount(cues.length);
  expect(cues.length).toBeGreaterThan(0);
  for (const [i, c] of cues.entries()) {
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeLessThanOrEqual(CLIP_SEC + 1e-6);
    await expect(page.getByLabel(`Caption ${i + 1} start`)).toHaveValue(String(Math.round(c.start * 100) / 100));
    await expect(page.getByLabel(`Caption ${i + 1} text`)).toHaveValue(c.text);
  }
  const vttDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download WebVTT' }).click();
  const vtt = readFileSync(await saveDownload(await vttDownload, outDir), 'utf8');
  expect(vtt.startsWith('WEBVTT')).toBe(true);
  expect(parseCaptions(vtt)).toEqual(cues);

  // The longest cue with a few words: its words last several frames each.
  const cue = cues.filter((c) => wordTimes(c).length >= 3).sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  expect(cue, 'a caption with three words or more').toBeTruthy();
  expect(
    wordTimes(cue!)
      .slice(0, 3)
      .every((w) => w.end - w.start > 0.1),
  ).toBe(true);
  const words = wordTimes(cue!);
  const mid = (w: { start: number; end: number }) => (w.start + w.end) / 2;
  const tPlate = mid({ start: Math.max(cue!.start, 2.6), end: cue!.end });

  // Plate (today's look): the dark plate at its left edge, white text on it.
  await canvasShot(page, mid(words[1]!), 'canvas-plate');
  const plate = await renderAndDownload(page, outDir, 'plate');
  expect(dark(regionColor(plate, tPlate, 84, 1380, 10, 12))).toBe(true);
  expect(pixels(plate, tPlate, white).count).toBeGreaterThan(1500);

  // Bold outline: white letters with black edges, no plate behind them.
  await chooseStyle(page, 'Bold outline');
  await canvasShot(page, mid(words[1]!), 'canvas-outline');
  const outline = await renderAndDownload(page, outDir, 'outline');
  expect(pixels(outline, tPlate, white).count).toBeGreaterThan(1500);
  expect(pixels(outline, tPlate, black).count).toBeGreaterThan(1500);
  expect(dark(regionColor(outline, tPlate, 70, 1300, 10, 10))).toBe(false);

  // Word highlight: the accent colour on the spoken word only, moving along with the words.
  await chooseStyle(page, 'Word highlight');
  await canvasShot(page, mid(words[0]!), 'canvas-highlight-word1');
  await canvasShot(page, mid(words[2]!), 'canvas-highlight-word3');
  const highlight = await renderAndDownload(page, outDir, 'highlight');
  expectHighlight(highlight, cue!, words);
  // Before the cue (or in another one) no word of this cue is lit where this one's were.
  expect(pixels(outline, mid(words[0]!), yellow).count).toBeLessThan(20);

  // The other engine shows the same highlight at the same times.
  await chooseEngine(page, /Compatible only/);
  const slow = await renderAndDownload(page, outDir, 'highlight-ffmpeg');
  await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', 'ffmpeg');
  expectHighlight(slow, cue!, words);
  for (const w of words.slice(0, 3)) {
    const a = pixels(highlight, mid(w), yellow);
    const b = pixels(slow, mid(w), yellow);
    expect(Math.abs(a.meanX - b.meanX), `highlight position of "${w.text}"`).toBeLessThan(6);
  }

  // The look becomes the project's; it is stored with the clip too.
  const useForAll = page.getByRole('button', { name: 'Use this look for all clips' });
  await useForAll.click();
  await expect(page.getByText("The project's caption look: new clips start with it.")).toBeVisible();
  await page.locator('fieldset', { has: page.getByRole('radiogroup', { name: 'Caption style' }) }).screenshot({ path: join(outDir, 'captions-panel.png') });
  await page.reload();
  await expect(page.getByRole('radiogroup', { name: 'Caption style' }).getByLabel('Word highlight', { exact: true })).toBeChecked();
  await expect(useForAll).toBeDisabled();
});

/** Each of the cue's first words is lit while it is spoken; a later word is lit further along. */
function expectHighlight(path: string, cue: Cue, words: ReturnType<typeof wordTimes>) {
  const lit = words.slice(0, 3).map((w) => pixels(path, (w.start + w.end) / 2, yellow));
  for (const [i, p] of lit.entries()) expect(p.count, `"${words[i]!.text}" lit at its time in ${cue.text}`).toBeGreaterThan(150);
  // Words on one line read left to right (the first two words of a cue share its first line).
  expect(lit[1]!.meanX).toBeGreaterThan(lit[0]!.meanX);
  // White text stays around the lit word.
  expect(pixels(path, (words[0]!.start + words[0]!.end) / 2, white).count).toBeGreaterThan(800);
}

// Opt-in measurement (CAPTION_BENCH=1, docs/captions.md): one long clip, plate vs word highlight, both engines.
test('render time of the word highlight against the plate on a 20-s clip', async ({ page }) => {
  test.skip(!process.env.CAPTION_BENCH, 'set CAPTION_BENCH=1 to measure');
  test.setTimeout(1_500_000);
  const clipSec = 20;
  await openEditor(page, { clipSec });
  const { cues } = await downloadSrt(page);
  const words = cues.reduce((n, c) => n + wordTimes(c).length, 0);
  const timed = async (label: string) => {
    const t0 = Date.now();
    await renderAndDownload(page, outDir, label);
    return (Date.now() - t0) / 1000;
  };
  const results: Record<string, number> = {};
  for (const [engine, choice] of [
    ['webcodecs', /Fast only/],
    ['ffmpeg', /Compatible only/],
  ] as const) {
    await chooseEngine(page, choice);
    await chooseStyle(page, 'Plate');
    results[`${engine} plate`] = await timed(`bench-${engine}-plate`);
    await chooseStyle(page, 'Word highlight');
    results[`${engine} highlight`] = await timed(`bench-${engine}-highlight`);
  }
  // A dense worst case: ~150 words (a 60-s clip's worth) in the same cues.
  const dense = 'so this one is really great and you can use it every single day at home';
  for (const [i] of cues.entries())
    await page.getByLabel(`Caption ${i + 1} text`).fill(
      Array(Math.ceil(150 / cues.length / 16))
        .fill(dense)
        .join(' '),
    );
  const { cues: denseCues } = await downloadSrt(page);
  const denseWords = denseCues.reduce((n, c) => n + wordTimes(c).length, 0);
  for (const [engine, choice] of [
    ['webcodecs', /Fast only/],
    ['ffmpeg', /Compatible only/],
  ] as const) {
    await chooseEngine(page, choice);
    results[`${engine} highlight, ${denseWords} words`] = await timed(`bench-${engine}-dense`);
  }
  console.log(JSON.stringify({ clipSec, cues: cues.length, words, seconds: results }));
});
