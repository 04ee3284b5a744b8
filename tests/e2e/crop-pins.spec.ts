// Crop pins (issue 23: the seller pins the crop at moments of the clip): both engines move the
// crop window along the same path, held and then panned to arrive on time, as the domain says.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cropXAt } from '../../src/domain/edit/cropPath';
import { coverCrop } from '../../src/domain/edit/reframe';
import { chooseEngine, openEditor, renderAndDownload } from './editor';
import { fixture, rgbDiff } from './helpers';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-crop-pins-'));
/** A still 16:9 picture (bars across), so a frame's timing can't differ: only where the crop sits. */
function barsRecording(): string {
  const path = join(outDir, 'bars-wide.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'smptehdbars=s=640x360:r=30:d=20', '-f', 'lavfi', '-i', 'sine=f=440:d=20'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-g', '30', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', path],
  ]);
  return path;
}
const SOURCE = { width: 640, height: 360 };
const OUTPUT = { width: 720, height: 1280 };
/** A strip at the left edge, clear of the captions and the sticker. */
const STRIP = 'crop=120:300:40:450';

const frameStrip = (path: string, t: number, vf: string) =>
  execFileSync('ffmpeg', ['-v', 'error', '-ss', String(t), '-i', path, '-frames:v', '1', '-vf', vf, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);

test('pinned crops: the short pans between pins in both engines, held before and after, arriving on time', async ({ page }) => {
  test.setTimeout(240_000);
  const recording = barsRecording();
  const start = await openEditor(page, { files: [recording, fixture('clicks-20s.csv')], clipSec: 4 });
  await page.getByLabel('720×1280 (faster)').check();
  await page.getByLabel('Centre crop').check();
  await page.getByRole('checkbox', { name: /Product intro card/ }).uncheck();

  // Left edge at the start; at 3 s the right edge.
  const scrub = page.getByLabel('Scrub the clip');
  const crop = page.getByLabel(/^Crop (position|at)/);
  await scrub.fill('0');
  await crop.fill('0');
  await page.getByRole('button', { name: 'Pin the crop at 0:00' }).click();
  await scrub.fill('3');
  await page.getByRole('button', { name: 'Pin the crop at 0:03' }).click();
  await crop.fill('1');
  const pins = page.getByRole('list', { name: 'Crop pins' }).getByRole('listitem');
  await expect(pins).toHaveText([/^0:00 · 0% from the left/, /^0:03 · 100% from the left/]);
  await expect(page.getByLabel(/^Crop at 0:03/)).toHaveValue('1');

  const pinned = [
    { t: 0, x: 0 },
    { t: 3, x: 1 },
  ];
  for (const [engine, label] of [
    ['webcodecs', /Fast only/],
    ['ffmpeg', /Compatible only/],
  ] as const) {
    await chooseEngine(page, label);
    const out = await renderAndDownload(page, outDir, `pins-${engine}`);
    await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', engine);
    // Held at the left (1 s), half-way through the pan (2.6 s: it runs 2.2–3 s), held at the right (3.5 s).
    const strips = [1, 2.6, 3.5].map((t) => {
      const x = coverCrop(SOURCE, OUTPUT, cropXAt(pinned, undefined, t)).x;
      const expected = frameStrip(recording, start + t, `crop=202:360:${x}:0,scale=720:1280,${STRIP}`);
      const got = frameStrip(out, t, STRIP);
      expect(rgbDiff(got, expected).mean, `${engine} at ${t} s (crop x ${x})`).toBeLessThan(12);
      return got;
    });
    // The crop did move: the left edge's picture at the start and at the end differ.
    expect(rgbDiff(strips[0]!, strips[2]!).mean).toBeGreaterThan(20);
  }
});
