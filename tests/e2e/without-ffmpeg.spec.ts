// Issue 22 item 3: ffmpeg.wasm is the fallback, not the path. An MP4 is probed (mediabunny),
// its loudness measured (the browser's audio decoder) and a clip fast-copied (mediabunny)
// without the ffmpeg core being fetched; the envelope matches native ffmpeg's astats, and the
// copy is whole. A WebM's copy is made by mediabunny too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LOUDNESS_STEP_SEC } from '../../src/domain/recording/loudness';
import { loudnessArgs, parseAstatsMetadata } from '../../src/media/ffmpeg/loudnessArgs';
import { advancedSetting, decodeErrors, dropFiles, ffprobe, fixture, generated, rowRange, saveDownload } from './helpers';
import { storedRows } from './stored';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-no-ffmpeg-'));

/** Every URL the page and its workers fetch (the service worker's own fetches included). */
function fetched(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  return urls;
}

/** The stored loudness envelope of the only project, read with the raw IndexedDB API. */
const storedLoudness = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('live-highlights-studio');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<Array<{ loudness: { stepSec: number; db: Float32Array } }>>((resolve) => {
      const req = db.transaction('loudness').objectStore('loudness').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    const { stepSec, db: levels } = rows[0]!.loudness;
    return { stepSec, db: Array.from(levels) };
  });

async function importAndDownload(page: Page, recording: string, log: string): Promise<{ path: string; range: [number, number] }> {
  await page.goto('./');
  await dropFiles(page, '[data-testid=home-drop]', [recording, log]);
  await expect(page.locator('.timeline svg')).toBeVisible();
  await (await advancedSetting(page, 'Min length')).fill('5');
  const first = page.getByTestId('clip-list').locator('tbody tr').first();
  await expect(first).toBeVisible();
  const range = await rowRange(first);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download clip' }).click();
  const path = await saveDownload(await download, outDir);
  await expect(page.getByTestId('cut-method')).toHaveAttribute('data-method', 'copy');
  return { path, range };
}

test('an MP4 is probed, measured and fast-copied without fetching ffmpeg.wasm', async ({ page }) => {
  const urls = fetched(page);
  const recording = generated('rec-speech.mp4');
  const { path, range } = await importAndDownload(page, recording, fixture('clicks-speech.csv'));
  await expect(page.getByTestId('recording-meta')).toContainText('320×180');
  await expect(page.getByTestId('cut-method')).toHaveAttribute('data-engine', 'webcodecs');
  await expect.poll(async () => (await storedRows(page)).loudness).toBe(1);

  // The envelope: native ffmpeg measures 16 kHz mono, the browser the decoder's own rate; speech
  // steps agree within a fraction of a dB.
  const metadata = join(outDir, 'astats.txt');
  execFileSync('ffmpeg', ['-v', 'error', ...loudnessArgs(recording, metadata, LOUDNESS_STEP_SEC).slice(2)]);
  const native = parseAstatsMetadata(readFileSync(metadata, 'utf8'), LOUDNESS_STEP_SEC);
  const ours = await storedLoudness(page);
  expect(ours.stepSec).toBe(LOUDNESS_STEP_SEC);
  expect(Math.abs(ours.db.length - native.db.length)).toBeLessThanOrEqual(1);
  const speech = ours.db.map((db, i) => [db, native.db[i] ?? db] as const).filter(([, n]) => n > -50);
  expect(speech.length).toBeGreaterThan(50);
  const meanDiff = speech.reduce((s, [a, b]) => s + Math.abs(a - b), 0) / speech.length;
  expect(meanDiff).toBeLessThan(1);

  // The copy: the clip's length (its lead-in hidden by an edit list), both streams, clean.
  const probe = ffprobe(path);
  expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
  expect(Math.abs(Number(probe.format.duration) - (range[1] - range[0]))).toBeLessThan(0.1);
  expect(decodeErrors(path)).toBe('');

  expect(urls.filter((u) => /ffmpeg-core/.test(u))).toEqual([]);
});

test('a WebM clip (VP9, Opus) is fast-copied by mediabunny into an MP4', async ({ page }) => {
  const { path } = await importAndDownload(page, generated('rec-20s.webm'), fixture('clicks-20s.csv'));
  await expect(page.getByTestId('cut-method')).toHaveAttribute('data-engine', 'webcodecs');
  expect(path).toMatch(/\.mp4$/);
  const probe = ffprobe(path);
  expect(probe.streams.map((s) => s.codec_name)).toEqual(['vp9', 'opus']);
  expect(decodeErrors(path)).toBe('');
});
