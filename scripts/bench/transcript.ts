// The whole recording transcribed on the device (issue 19), in the built app: a long speech
// recording (the bundled sample's synthetic host looped to BENCH_TRANSCRIPT_MIN minutes, 30 by
// default), "Transcribe the whole recording", a reload once a third of its chunks are stored, and
// on to the end. Prints one JSON line: × real time (overall, reload included; and steady, from the
// chunks' store times), peak renderer memory, and what the reload cost.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { storedTranscript as stored } from '../../tests/e2e/stored';
import { benchOut, gotoWhenUp, importFiles, ownRendererRssMb, root, round, serveBuild } from './app.mjs';

const minutes = Number(process.env.BENCH_TRANSCRIPT_MIN ?? 30);
const SAMPLE = join(root, 'public/samples/sample.mp4');
mkdirSync(benchOut, { recursive: true });
const recording = join(benchOut, `speech-${minutes}min.mp4`);
execFileSync('ffmpeg', ['-v', 'error', '-y', '-stream_loop', '-1', '-i', SAMPLE, '-t', String(minutes * 60), '-c', 'copy', recording]);
const durationSec = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', recording]).toString());
const log = join(benchOut, 'transcript-clicks.csv');
const rows = ['time,event,product_id,product_name,price'];
for (let i = 0; i < 120; i++) rows.push(`${(60 + i / 2).toFixed(2)},click,T1,Transcript Product,9.99`);
writeFileSync(log, `${rows.join('\n')}\n`);

type Stored = Awaited<ReturnType<typeof stored>>;

/** Polls `stored` until `done` says so (the page's own store times are what is measured, not this loop's). */
async function until(page: Page, done: (s: Stored) => boolean): Promise<Stored> {
  for (;;) {
    const s = await stored(page).catch(() => undefined);
    if (s && done(s)) return s;
    await page.waitForTimeout(250);
  }
}

/** Audio seconds per wall second over chunks stored back to back in one page (the first of a page includes its model load: left out). */
function steadyRate(rows: Stored['rows']): number {
  const sorted = [...rows].sort((a, b) => a.index - b.index);
  let audio = 0;
  let wall = 0;
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i]!.savedAt - sorted[i - 1]!.savedAt) / 1000;
    if (gap <= 0 || gap > 3 * ((sorted[i]!.end - sorted[i]!.start) / 2)) continue;
    audio += sorted[i]!.end - sorted[i]!.start;
    wall += gap;
  }
  return audio / wall;
}

/** Where the bench is, on stderr (stdout is the JSON line). */
const stage = (what: string) => process.stderr.write(`${new Date().toISOString()} transcript bench: ${what}\n`);

const server = serveBuild(Number(process.env.BENCH_PORT ?? 4396), process.env.BENCH_DIST);
const chromiumServer = await chromium.launchServer(chromiumLaunchOptions);
const browserPid = chromiumServer.process().pid ?? 0;
const browser = await chromium.connect(chromiumServer.wsEndpoint());
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // tsx (esbuild keepNames) wraps the reader's inner functions in __name(): the page needs it too.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await gotoWhenUp(page, server.url);
  await importFiles(page, [recording, log]);
  stage('imported');
  const section = page.getByRole('region', { name: 'Transcript of the recording' });
  // Pauses first (chunks end in them), as a seller would see them once the page settles.
  await page.getByRole('progressbar', { name: /Finding pauses/ }).waitFor({ state: 'detached', timeout: 600_000 });
  const rssBeforeMb = ownRendererRssMb(browserPid);
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, ownRendererRssMb(browserPid))), 250);
  stage('pauses found');
  const t0 = Date.now();
  await section.getByRole('button', { name: 'Transcribe the whole recording' }).click();
  const third = await until(page, (s) => s.chunks > 0 && s.rows.length >= Math.ceil(s.chunks / 3));
  stage(`reloading after ${third.rows.length} of ${third.chunks} chunks`);
  const lastBefore = Math.max(...third.rows.map((r) => r.savedAt));
  const reloadAt = Date.now();
  await page.reload();
  // The first chunk stored after the reload: page load, project open, model load, and that chunk.
  const firstAfter = await until(page, (s) => s.rows.some((r) => r.savedAt > reloadAt));
  const resumed = firstAfter.rows.filter((r) => r.savedAt > reloadAt).sort((a, b) => a.savedAt - b.savedAt)[0]!;
  stage('resumed');
  await section.getByTestId('transcript-result').waitFor({ timeout: 0 });
  const wallSec = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  const all = await stored(page);
  const rate = steadyRate(all.rows);
  const resumeToChunkSec = (resumed.savedAt - reloadAt) / 1000;
  const indexes = all.rows.map((r) => r.index).sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'whole-recording-transcription',
      model: 'moonshine-tiny (quantized ONNX, onnxruntime-web 1.22 wasm, 1 thread)',
      recordingSec: round(durationSec),
      chunks: all.chunks,
      chunksStoredOnceEach: indexes.length === all.chunks && indexes.every((x, i) => x === i),
      wallSec: round(wallSec),
      xRealTime: round(durationSec / wallSec),
      steadyXRealTime: round(rate),
      // The reload: chunks stored before it, work thrown away (the chunk in flight), and reload → next chunk stored
      // less what that chunk takes at the steady pace (page load, project open, model load).
      reloadAfterChunks: third.rows.length,
      lostWorkSec: round((reloadAt - lastBefore) / 1000),
      resumeToNextChunkSec: round(resumeToChunkSec),
      resumeOverheadSec: round(resumeToChunkSec - (resumed.end - resumed.start) / rate),
      rendererRssBeforeMb: rssBeforeMb,
      rendererRssPeakMb: rssPeakMb,
      loadAverage: (await import('node:os')).loadavg().map(round),
    }),
  );
} finally {
  await browser.close();
  await chromiumServer.close();
  server.stop();
}
