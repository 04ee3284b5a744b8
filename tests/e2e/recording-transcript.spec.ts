// Issue 19: the whole recording transcribed on the device, with the real model. Reloaded mid-way
// it goes on by itself from the first chunk not stored: the stored chunks tile the recording,
// none lost, none transcribed twice; then a clip's captions come from that transcript.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseCaptions } from '../../src/domain/edit/captions';
import { wordErrorRate } from '../../src/domain/speech/wer';
import { rowRange } from './helpers';
import { storedTranscript as stored } from './stored';

const SAMPLES = join(import.meta.dirname, '..', '..', 'public', 'samples');
const SHOTS = process.env.E2E_SHOTS;

test('the whole recording, reloaded mid-way: resumes by itself, no chunk lost or repeated; a clip’s captions then come from it', async ({ page }) => {
  // Three minutes of speech with the real model: minutes on a busy 2-core machine.
  test.slow();
  test.setTimeout(900_000);
  await page.goto('./');
  // The sample without its SRT: no imported transcript, so captions come from speech.
  await page.locator('[data-testid=home-drop] input[type=file]').setInputFiles([join(SAMPLES, 'sample.mp4'), join(SAMPLES, 'sample-clicks.csv')]);
  const section = page.getByRole('region', { name: 'Transcript of the recording' });
  const start = section.getByRole('button', { name: 'Transcribe the whole recording' });
  await expect(start).toBeVisible();
  if (SHOTS) await section.screenshot({ path: join(SHOTS, 'transcript-start-1280.png') });
  // Keyboard: focus the button and press Enter.
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByTestId('job-phase')).toHaveText(/Loading the speech model \(first time only\)|Transcribing \d+:\d\d of 3:0\d/);

  // Reload as soon as the first chunk is stored.
  await expect.poll(async () => (await stored(page)).rows.length, { timeout: 600_000 }).toBeGreaterThan(0);
  await page.reload();
  const before = await stored(page);
  console.log(`reloaded with ${before.rows.length} of ${before.chunks} chunks stored`);
  expect(before.chunks).toBeGreaterThan(2);
  expect(before.rows.length).toBeLessThan(before.chunks);

  // It goes on by itself, from the first chunk not stored.
  const resumeAt = before.rows.reduce((t, r) => Math.max(t, r.end), 0);
  await expect(section.getByTestId('job-phase')).toBeVisible();
  if (SHOTS) {
    await expect(section.getByTestId('transcript-sofar')).toBeVisible();
    await section.screenshot({ path: join(SHOTS, 'transcript-running-1280.png') });
  }
  await expect(section.getByTestId('transcript-result')).toBeVisible({ timeout: 600_000 });
  await expect(section.getByTestId('transcript-result')).toContainText(/Transcribed: 3:0\d of recording, [\d,]+ words/);
  if (SHOTS) {
    await section.screenshot({ path: join(SHOTS, 'transcript-done-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'transcript-done-390.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
  }

  const after = await stored(page);
  const rows = after.rows.sort((a, b) => a.index - b.index);
  // Every chunk once, in order, tiling the recording.
  expect(rows.map((r) => r.index)).toEqual(Array.from({ length: after.chunks }, (_, i) => i));
  for (const [i, r] of rows.entries()) expect(r.start).toBe(i === 0 ? 0 : rows[i - 1]!.end);
  expect(rows.at(-1)!.end).toBeGreaterThan(179);
  // The chunks stored before the reload were not transcribed again (same row, same time)…
  for (const r of before.rows) expect(rows[r.index]).toEqual(r);
  // …and the resume began where they ended.
  expect(rows[before.rows.length]!.start).toBe(resumeAt);

  // The recording's transcript is good enough to caption from.
  const reference = parseCaptions(readFileSync(join(SAMPLES, 'sample.srt'), 'utf8'));
  const heard = rows.flatMap((r) => r.segments.map((s) => s.text)).join(' ');
  const wer = wordErrorRate(reference.map((c) => c.text).join(' '), heard);
  console.log(`whole recording: WER ${wer.toFixed(3)}`);
  expect(wer).toBeLessThanOrEqual(0.4);

  // The trim timeline marks where sentences end, and a dragged end snaps to one.
  const panel = page.getByRole('complementary', { name: 'Selected clip' });
  await expect(panel.locator('.trim-timeline figcaption')).toContainText('Lines: sentence ends.');
  const track = panel.locator('.trim-track');
  const [from, to] = await track.evaluate((el) => [Number((el as HTMLElement).dataset.from), Number((el as HTMLElement).dataset.to)]);
  const ends = await panel
    .locator('.trim-marks rect.sentence')
    .evaluateAll((rects, at) => rects.map((r) => at + Number(r.getAttribute('x')) + Number(r.getAttribute('width')) / 2), from!);
  const endHandle = panel.getByRole('slider', { name: 'Clip end' });
  const startAt = Number(await panel.getByRole('slider', { name: 'Clip start' }).getAttribute('aria-valuenow'));
  const endAt = Number(await endHandle.getAttribute('aria-valuenow'));
  const target = ends.find((t) => t > startAt + 2 && t < startAt + 59 && Math.abs(t - endAt) > 1 && ends.every((o) => o === t || Math.abs(o - t) > 1));
  expect(target).toBeDefined();
  const pxPerSec = (await track.boundingBox())!.width / (to! - from!);
  const grip = (await endHandle.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2 + (target! - endAt) * pxPerSec, grip.y + grip.height / 2, { steps: 10 });
  await expect(endHandle).toHaveAttribute('data-snap', 'sentence');
  await page.mouse.up();
  expect(Number(await endHandle.getAttribute('aria-valuenow'))).toBeCloseTo(target!, 2);
  await panel.getByRole('button', { name: 'Reset to auto' }).click();
  await expect(endHandle).toHaveAttribute('aria-valuenow', String(endAt));

  // A clip's captions take the transcript's lines: nothing recognised again.
  const first = page.getByTestId('clip-list').locator('tbody tr').first();
  const [clipStart, clipEnd] = await rowRange(first);
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await expect(page.locator('[data-testid=editor-canvas][data-ready=true]')).toBeVisible();
  const requests: string[] = [];
  page.on('worker', (w) => requests.push(w.url()));
  await page.getByRole('button', { name: /^Transcribe speech/ }).click();
  const result = page.getByTestId('transcribe-result');
  await expect(result).toHaveAttribute('data-source', 'recording-transcript', { timeout: 60_000 });
  await expect(result).toContainText('from the recording’s transcript');
  // No speech worker was started for it.
  expect(requests.filter((u) => /transcribe/.test(u))).toEqual([]);
  const lines = await page.getByLabel(/^Caption \d+ text$/).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  expect(lines.length).toBeGreaterThan(1);
  const clipRef = reference.filter((c) => Math.min(c.end, clipEnd) - Math.max(c.start, clipStart) > (c.end - c.start) / 2);
  const clipWer = wordErrorRate(clipRef.map((c) => c.text).join(' '), lines.join(' '));
  console.log(`clip ${clipStart}–${clipEnd} s from the recording transcript: WER ${clipWer.toFixed(3)}`);
  expect(clipWer).toBeLessThanOrEqual(0.4);
});
