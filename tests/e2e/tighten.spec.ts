/**
 * Issue 23 item 2: "Tighten" cuts the pauses. A flite recording (six sentences, 1.2 s apart, its
 * transcript dropped with it) is tightened in the editor, one pause restored, and rendered: the
 * short is shorter by exactly the listed cuts, keeps no pause longer than the threshold but the
 * restored one, has no click at its joins, and its caption file still sits on the words. The
 * transcript's lines start ~0.25 s before flite's voice: where that lead falls in a cut pause, the
 * line starts where the short goes on, closer to its words, never after them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { parseCaptions } from '../../src/domain/edit/captions';
import { chooseEngine, playPreviewUntil, renderAndDownload } from './editor';
import { ffprobe, fixture, generated, rowRange, saveDownload } from './helpers';

const THRESHOLD = 0.6;

/** Silences (quieter than -45 dBFS for at least `min` s) in a file's audio, as ffmpeg's silencedetect finds them. */
function silences(path: string, min: number): Array<{ start: number; end: number }> {
  const log = spawnSync('ffmpeg', ['-v', 'info', '-i', path, '-vn', '-af', `silencedetect=n=-45dB:d=${min}`, '-f', 'null', '-'], { encoding: 'utf8' }).stderr;
  const starts = [...log.matchAll(/silence_start: (-?[\d.]+)/g)].map((m) => Number(m[1]));
  const ends = [...log.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]));
  return starts.map((start, i) => ({ start, end: ends[i] ?? Number.POSITIVE_INFINITY }));
}

/** The audio as mono 48 kHz samples. */
function samples(path: string): Float32Array {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-vn', '-ac', '1', '-ar', '48000', '-f', 'f32le', '-'], { maxBuffer: 1 << 28 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
}

/** The cuts the editor lists, clip time. */
async function listedCuts(page: Page): Promise<Array<{ start: number; end: number; restored: boolean }>> {
  return page
    .getByRole('list', { name: 'Cut pauses' })
    .locator('li')
    .evaluateAll((items) =>
      items.map((li) => ({
        start: Number(li.getAttribute('data-start')),
        end: Number(li.getAttribute('data-end')),
        restored: li.classList.contains('restored'),
      })),
    );
}

test('Tighten cuts the pauses: shorter by the cuts, one restored, no click at a join, captions on their words', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'lhs-tighten-'));
  await page.goto('./');
  await page
    .locator('[data-testid=home-drop] input[type=file]')
    .setInputFiles([generated('rec-speech.mp4'), fixture('clicks-speech.csv'), generated('rec-speech.srt')]);
  const first = page.getByTestId('clip-list').locator('tbody tr').first();
  await expect(first).toBeVisible();
  const [clipStart, clipEnd] = await rowRange(first);
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();

  // The voice alone, so the short's pauses can be heard.
  await page.getByRole('checkbox', { name: /^Background music/ }).uncheck();
  // Off by default; on, the pauses are listed and shaded on the scrub bar.
  const tighten = page.getByRole('checkbox', { name: 'Cut the pauses' });
  await expect(tighten).not.toBeChecked();
  await expect(page.getByTestId('cut-mark')).toHaveCount(0);
  await tighten.check();
  await expect(page.getByTestId('tighten-summary')).toContainText('pauses cut');
  const cuts = await listedCuts(page);
  console.log(`clip ${clipStart}–${clipEnd} s, cuts`, JSON.stringify(cuts));
  const ref = parseCaptions(readFileSync(generated('rec-speech.srt'), 'utf8')).filter((c) => c.start >= clipStart && c.end <= clipEnd);
  // One cut in each pause between two sentences of the clip.
  expect(cuts).toHaveLength(ref.length - 1);
  await expect(page.getByTestId('cut-mark')).toHaveCount(cuts.length);

  // The preview plays the short: from just before the first cut it jumps over the pause.
  const [firstCut] = cuts;
  const shown = await playPreviewUntil(page, Math.max(0, firstCut!.start - 0.6), (times) => times.some((t) => t > firstCut!.end + 0.3));
  expect(shown.filter((t) => t < firstCut!.start).length).toBeGreaterThan(3);
  expect(shown.filter((t) => t > firstCut!.start + 0.05 && t < firstCut!.end - 0.05)).toEqual([]);

  // The second pause restored (kept after a reload), and the third restored then cut again.
  const at = (c: { start: number; end: number }) => `${c.start.toFixed(1)}`;
  await page
    .getByRole('button', { name: /^Restore the pause at/ })
    .nth(1)
    .click();
  await expect(page.getByTestId('cut-mark')).toHaveCount(cuts.length - 1);
  await page
    .getByRole('button', { name: /^Restore the pause at/ })
    .nth(1)
    .click();
  await page
    .getByRole('button', { name: /^Cut again the pause at/ })
    .nth(1)
    .click();
  const listed = await listedCuts(page);
  expect(listed.map((c) => c.restored)).toEqual(cuts.map((_, i) => i === 1));
  const restored = listed[1]!;
  const cut = listed.filter((c) => !c.restored);
  const removed = cut.reduce((sum, c) => sum + c.end - c.start, 0);
  console.log(`restored the pause at ${at(restored)} s; ${removed.toFixed(3)} s cut`);

  const short = await renderAndDownload(page, dir, 'tight');
  // Kept with the clip's edit.
  await page.reload();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Cut the pauses' })).toBeChecked();
  expect(await listedCuts(page)).toEqual(listed);
  const probe = ffprobe(short);
  const duration = Number(probe.format.duration);
  expect(Math.abs(duration - (clipEnd - clipStart - removed))).toBeLessThanOrEqual(0.1);

  // Output time of a clip moment: less every cut before it.
  const outputTime = (t: number) => t - cut.filter((c) => c.end <= t).reduce((sum, c) => sum + c.end - c.start, 0);
  // No pause longer than the threshold is left inside the short, but the restored one.
  const expectOnlyRestoredPause = (file: string, length: number) => {
    const long = silences(file, THRESHOLD).filter((s) => s.start > 0.05 && s.end < length - 0.05);
    expect(long).toHaveLength(1);
    expect(long[0]!.start).toBeLessThanOrEqual(outputTime(restored.start));
    expect(long[0]!.end).toBeGreaterThanOrEqual(outputTime(restored.end));
  };
  expectOnlyRestoredPause(short, duration);

  // ffmpeg.wasm cuts the same spans.
  await chooseEngine(page, /Compatible only/);
  const compatible = await renderAndDownload(page, dir, 'tight-ffmpeg');
  const compatibleSec = Number(ffprobe(compatible).format.duration);
  expect(Math.abs(compatibleSec - (clipEnd - clipStart - removed))).toBeLessThanOrEqual(0.1);
  expectOnlyRestoredPause(compatible, compatibleSec);

  // No click at a join: around each, the waveform moves no more in one sample than it does anywhere in the 0.2 s about it.
  const pcm = samples(short);
  for (const c of cut) {
    const join = Math.round(outputTime(c.end) * 48000);
    const step = (from: number, to: number) => {
      let max = 0;
      for (let i = Math.max(1, from); i < Math.min(pcm.length, to); i++) max = Math.max(max, Math.abs(pcm[i]! - pcm[i - 1]!));
      return max;
    };
    const atJoin = step(join - 480, join + 480);
    const around = Math.max(step(join - 9600, join - 480), step(join + 480, join + 9600));
    expect(atJoin, `join at ${(join / 48000).toFixed(3)} s`).toBeLessThanOrEqual(Math.max(around, 0.01));
  }

  // The caption file of the short: each line still starts on its words (±0.1 s).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download SRT' }).click();
  const lines = parseCaptions(readFileSync(await saveDownload(await download, dir), 'utf8'));
  expect(lines).toHaveLength(ref.length);
  const onsets = (path: string, from = 0) => silences(path, 0.2).map((s) => s.end - from);
  const heardIn = onsets(generated('rec-speech.mp4'), clipStart);
  const heardOut = onsets(short);
  lines.forEach((line, i) => {
    const source = ref[i]!;
    const lead = heardIn.find((t) => t >= source.start - clipStart - 0.05)! - (source.start - clipStart);
    const leadOut = heardOut.find((t) => t >= line.start - 0.05)! - line.start;
    const says = `"${line.text}": ${lead.toFixed(3)} s before its words in the recording, ${leadOut.toFixed(3)} s in the short`;
    // Never late for its words, and never earlier than it was: a cut may only take dead air off its lead.
    expect(leadOut, says).toBeGreaterThanOrEqual(-0.1);
    expect(leadOut, says).toBeLessThanOrEqual(lead + 0.1);
  });
});
