// "Follow the host" (issue 23): the face detector's throughput on these cores (the search a fresh
// clip of a 16:9 recording runs as the editor opens), and what following adds to a 60 s short's
// render (fast engine, 720×1280), against the same short with a fixed centre crop, in one run. The recording: the astronaut photo (tests/fixtures/astronaut.jpg) at
// 512 px crossing a 1280×720 frame and back, 60 s, made here with ffmpeg.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchOut, importFiles, openApp, openFastEditor, renderInEditor, root, round } from './app.mjs';

const recording = join(benchOut, 'face-60s.mp4');
execFileSync('ffmpeg', [
  ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x808080:s=1280x720:r=30:d=60', '-loop', '1', '-i', join(root, 'tests/fixtures/astronaut.jpg')],
  ...['-f', 'lavfi', '-i', 'sine=f=330:sample_rate=48000:d=60'],
  ...['-filter_complex', "[1:v]scale=512:512[p];[0:v][p]overlay=x='384+380*sin(2*PI*t/20)':y=100:shortest=1,format=yuv420p[v]", '-map', '[v]', '-map', '2:a'],
  ...['-c:v', 'libx264', '-preset', 'veryfast', '-g', '30', '-c:a', 'aac', '-t', '60', recording],
]);
const log = join(benchOut, 'face-clicks.csv');
writeFileSync(
  log,
  ['time,event,product_id,product_name', ...Array.from({ length: 240 }, (_, i) => `${(0.5 + i / 4).toFixed(2)},click,F1,Face Cream`)].join('\n'),
);

const app = await openApp(4395);
try {
  const { page } = app;
  await importFiles(page, [recording, log]);
  await openFastEditor(page);
  // A fresh clip of a 16:9 recording looks for the host by itself as the editor opens (the default).
  const note = (await page.getByTestId('follow-note').textContent({ timeout: 600_000 })) ?? '';
  const frames = Number(note.match(/ of (\d+) frames/)?.[1]);
  const clipSec = Number((await page.locator('.editor p.muted.small').first().textContent())?.match(/([\d.]+) s ·/)?.[1]);
  const {
    followSec: detectSec,
    loadSec,
    searchSec,
    inferSec,
  } = await page.evaluate(() => {
    const m = performance.getEntriesByName('lhs:follow').at(-1) as PerformanceMeasure | undefined;
    const d = (m?.detail ?? {}) as { inferSec?: number; loadSec?: number; detectSec?: number };
    return {
      followSec: (m?.duration ?? Number.NaN) / 1000,
      loadSec: d.loadSec ?? Number.NaN,
      searchSec: d.detectSec ?? Number.NaN,
      inferSec: d.inferSec ?? Number.NaN,
    };
  });
  const followSec = await renderInEditor(page);
  await page.getByLabel('Centre crop').check();
  const centreSec = await renderInEditor(page);
  console.log(
    JSON.stringify({
      bench: 'follow-host',
      clipSec,
      frames,
      withFace: Number(note.match(/a face in (\d+)/)?.[1]),
      moves: Number(note.match(/moves (\d+)/)?.[1]),
      // The first use: the detector's files from the cache, the worker, the wasm compiled (loadSec) and the search.
      detectSec: round(detectSec),
      loadSec: round(loadSec),
      searchSec: round(searchSec),
      inferSec: round(inferSec),
      searchFramesPerSec: round(frames / searchSec),
      renderCentreSec: round(centreSec),
      renderFollowSec: round(followSec),
      // Drawing the moving crop against the short with a fixed crop: what the render adds (the search ran as the editor opened).
      followRenderCost: round((followSec - centreSec) / centreSec),
      // Finding the faces once too, as "Auto-edit all" does for the first clip (the next ones are searched while one encodes).
      followCost: round((detectSec + followSec - centreSec) / centreSec),
    }),
  );
} finally {
  await app.close();
}
