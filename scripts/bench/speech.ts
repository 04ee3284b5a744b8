// On-device speech recognition (issue 12) in the built app: a 60 s clip of the bundled sample
// (its synthetic host voice), transcribed in the editor. Model load cold (fresh profile: fetched
// from the server, compiled) and warm (after a reload: from the browser's cache), transcription
// speed after the load (× real time: clip seconds, and seconds of speech, per second of work),
// word error rate against the sample's SRT, renderer memory. Prints one JSON line.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { parseCaptions } from '../../src/domain/edit/captions';
import { wordErrorRate } from '../../src/domain/speech/wer';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { benchOut, gotoWhenUp, importFiles, ownRendererRssMb, root, round, serveBuild } from './app.mjs';

const SAMPLE = join(root, 'public/samples/sample.mp4');
const SRT = join(root, 'public/samples/sample.srt');

// The sample's first 62 s, and a log whose one product is clicked all through it: one ~60 s clip.
const recording = join(benchOut, 'speech-62s.mp4');
execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', SAMPLE, '-t', '62', '-c', 'copy', recording]);
const log = join(benchOut, 'speech-clicks.csv');
const rows = ['time,event,product_id,product_name,price'];
for (let i = 0; i < 240; i++) rows.push(`${(1 + i / 4).toFixed(2)},click,S1,Speech Product,9.99`);
writeFileSync(log, `${rows.join('\n')}\n`);

interface Timings {
  loadSec: number;
  transcribeSec: number;
  speechSec: number;
  clipSec: number;
}

async function transcribe(page: Page, button: RegExp): Promise<Timings & { wallSec: number; rssBeforeMb: number; rssPeakMb: number }> {
  const rssBeforeMb = ownRendererRssMb(browserPid);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, ownRendererRssMb(browserPid))), 100);
  const t0 = performance.now();
  await page.getByRole('button', { name: button }).click();
  const result = page.getByTestId('transcribe-result');
  await result.waitFor({ timeout: 600_000 });
  const wallSec = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const timings = JSON.parse((await result.getAttribute('data-timings')) ?? '{}') as Timings;
  return { ...timings, wallSec, rssBeforeMb, rssPeakMb: peak };
}

// BENCH_DIST: a build other than dist/ (parallel runs on one machine).
const server = serveBuild(4395, process.env.BENCH_DIST);
// launchServer, unlike launch, tells the browser's process id (for its renderers' memory).
const chromiumServer = await chromium.launchServer(chromiumLaunchOptions);
const browserPid = chromiumServer.process().pid ?? 0;
const browser = await chromium.connect(chromiumServer.wsEndpoint());
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await gotoWhenUp(page, server.url);
  await importFiles(page, [recording, log]);
  // The clip's range cell, "m:ss–m:ss.t", in seconds.
  const rangeText = (await page.getByTestId('clip-list').locator('tbody tr').first().locator('td').nth(2).textContent()) ?? '';
  const [start = 0, end = 0] = rangeText.split('–').map((t) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0));
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await page.locator('[data-testid=editor-canvas][data-ready=true]').waitFor();
  const cold = await transcribe(page, /^Transcribe speech$/);
  const texts = await page.getByLabel(/^Caption \d+ text$/).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  const reference = parseCaptions(readFileSync(SRT, 'utf8')).filter((c) => Math.min(c.end, end) - Math.max(c.start, start) > (c.end - c.start) / 2);
  // Same page, same cache: the worker starts afresh and loads the model again (after the edit's
  // debounced save, so the editor comes back with the transcribed lines).
  await page.waitForTimeout(1000);
  await page.reload();
  await page.locator('[data-testid=editor-canvas][data-ready=true]').waitFor();
  const warm = await transcribe(page, /^Transcribe again$/);
  console.log(
    JSON.stringify({
      bench: 'speech-recognition',
      model: 'moonshine-tiny (quantized ONNX, onnxruntime-web 1.22 wasm, 1 thread)',
      clipSec: round(cold.clipSec),
      speechSec: round(cold.speechSec),
      coldLoadSec: round(cold.loadSec),
      warmLoadSec: round(warm.loadSec),
      transcribeSec: round(cold.transcribeSec),
      warmTranscribeSec: round(warm.transcribeSec),
      xRealTime: round(cold.clipSec / cold.transcribeSec),
      xSpeech: round(cold.speechSec / cold.transcribeSec),
      coldJobSec: round(cold.wallSec),
      warmJobSec: round(warm.wallSec),
      wer: round(wordErrorRate(reference.map((c) => c.text).join(' '), texts.join(' '))),
      // This browser's renderers (page, its workers, the service worker): before the first transcription, and at most during either.
      rendererRssBeforeMb: cold.rssBeforeMb,
      rendererRssPeakMb: Math.max(cold.rssPeakMb, warm.rssPeakMb),
    }),
  );
} finally {
  await browser.close();
  await chromiumServer.close();
  server.stop();
}
