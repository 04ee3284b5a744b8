// Cuts of a 60 s clip out of a generated 30-minute 720p recording, in the built app in Debian's
// Chromium, against native ffmpeg on the same file: stream copy (mediabunny, ffmpeg.wasm where it can't),
// and exact cuts — smart (WebCodecs: partial GOPs re-encoded, the rest copied) and a full
// re-encode (ffmpeg.wasm) — against a native full re-encode.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { benchLog, benchOut, benchRecording, CLIP_START, importFiles, openApp, rendererRssMb, round } from './app.mjs';

const recording = benchRecording();
const logPath = benchLog();
const app = await openApp(4391);
try {
  const { page } = app;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rendererRssMb())), 100);
  const baseline = rendererRssMb();

  let t0 = performance.now();
  await importFiles(page, [recording, logPath]);
  const importSec = (performance.now() - t0) / 1000;
  const probeSec = await page.evaluate(() => performance.getEntriesByName('lhs:probe').at(-1)?.duration / 1000);
  await page.getByRole('status').filter({ hasText: 'Finding pauses' }).waitFor({ state: 'detached', timeout: 300_000 });
  const loudnessSec = await page.evaluate(() => performance.getEntriesByName('lhs:loudness').at(-1)?.duration / 1000);
  await page
    .getByTestId('clip-list')
    .locator('tbody tr td:nth-child(4)')
    .filter({ hasText: /^60 s$/ })
    .first()
    .waitFor();

  t0 = performance.now();
  const download = page.waitForEvent('download', { timeout: 300_000 });
  await page.getByRole('button', { name: 'Download clip' }).click();
  const clipPath = join(benchOut, 'app-clip.mp4');
  await (await download).saveAs(clipPath);
  const appCutSec = (performance.now() - t0) / 1000;
  const copyEngine = await page.getByTestId('cut-method').getAttribute('data-engine');
  const [copySec, copyCheckSec] = await page.evaluate(() =>
    ['lhs:copy', 'lhs:copy-check'].map((name) => performance.getEntriesByName(name).at(-1)?.duration / 1000),
  );
  clearInterval(sampler);

  t0 = performance.now();
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-ss',
    String(CLIP_START),
    '-i',
    recording,
    '-t',
    '60',
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-c',
    'copy',
    '-avoid_negative_ts',
    'make_zero',
    join(benchOut, 'native-clip.mp4'),
  ]);
  const nativeCutSec = (performance.now() - t0) / 1000;

  const clipDuration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', clipPath]).toString());

  // Exact cuts: the engine preference is the app's own setting (localStorage).
  await page.getByLabel('Exact cut').check();
  const exact = {};
  for (const engine of ['auto', 'ffmpeg']) {
    await page.evaluate((e) => localStorage.setItem('lhs.engine', e), engine);
    const t1 = performance.now();
    const dl = page.waitForEvent('download', { timeout: 900_000 });
    await page.getByRole('button', { name: 'Download clip' }).click();
    const out = join(benchOut, `exact-${engine}.mp4`);
    await (await dl).saveAs(out);
    exact[engine] = { sec: (performance.now() - t1) / 1000, method: await page.getByTestId('cut-method').getAttribute('data-method') };
  }
  await page.evaluate(() => localStorage.removeItem('lhs.engine'));
  t0 = performance.now();
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-threads',
    '2',
    '-ss',
    String(CLIP_START),
    '-i',
    recording,
    '-t',
    '60',
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '20',
    '-c:a',
    'aac',
    join(benchOut, 'native-exact.mp4'),
  ]);
  const nativeExactSec = (performance.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      bench: 'exact-cut',
      clipSec: 60,
      smartSec: round(exact.auto.sec),
      smartMethod: exact.auto.method,
      wasmReencodeSec: round(exact.ffmpeg.sec),
      nativeReencodeSec: round(nativeExactSec),
      smartOverNativeReencode: round(exact.auto.sec / nativeExactSec),
    }),
  );
  console.log(
    JSON.stringify({
      bench: 'stream-copy-cut',
      recordingMb: Math.round(statSync(recording).size / 1e6),
      recordingSec: 1800,
      clipSec: 60,
      outputSec: round(clipDuration),
      importToClipsSec: round(importSec),
      probeSec: round(probeSec),
      loudnessSec: round(loudnessSec),
      copyEngine,
      copySec: round(copySec),
      copyCheckSec: round(copyCheckSec),
      appCutSec: round(appCutSec),
      nativeCutSec: round(nativeCutSec),
      appOverNative: round(appCutSec / nativeCutSec),
      rendererRssBaselineMb: baseline,
      rendererRssPeakMb: peak,
    }),
  );
} finally {
  await app.close();
}
