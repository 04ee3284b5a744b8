// Import of a 1.5 GB, 5-hour recording (issue 22: import + probe ≤ 0.5 s): the bench's 30-minute
// 720p file joined 10 times by stream copy (its index at the end, as a recorder writes it), picked
// through the app's file input in Chromium with a click log. `probeSec`: the app's probe;
// `importSec`: the import job up to the project stored (log parsed, probe, IndexedDB); native
// ffprobe on the same file alongside.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchLog, benchOut, benchRecording, importFiles, openApp, round } from './app.mjs';

const JOINS = 10;
const part = benchRecording();
const big = join(benchOut, 'rec-5h-720p.mp4');
if (!existsSync(big) || statSync(big).size < JOINS * statSync(part).size * 0.99) {
  const list = join(benchOut, 'join.txt');
  writeFileSync(list, `${Array.from({ length: JOINS }, () => `file '${part}'`).join('\n')}\n`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', big]);
}
const recordingSec = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', big]).toString());

let t0 = performance.now();
execFileSync('ffprobe', ['-v', 'error', '-of', 'json', '-show_format', '-show_streams', big]);
const nativeProbeSec = (performance.now() - t0) / 1000;

const app = await openApp(4393);
try {
  const { page } = app;
  t0 = performance.now();
  await importFiles(page, [big, benchLog()]);
  const importToClipsSec = (performance.now() - t0) / 1000;
  const [probeSec, importSec] = await page.evaluate(() => ['lhs:probe', 'lhs:import'].map((n) => performance.getEntriesByName(n).at(-1)?.duration / 1000));
  const shown = await page.getByTestId('recording-details').textContent();
  console.log(
    JSON.stringify({
      bench: 'big-import',
      recordingMb: Math.round(statSync(big).size / 1e6),
      recordingSec: Math.round(recordingSec),
      probeSec: round(probeSec),
      importSec: round(importSec),
      importToClipsSec: round(importToClipsSec),
      nativeProbeSec: round(nativeProbeSec),
      probeOverNative: round(probeSec / nativeProbeSec),
      warning: (await page.getByTestId('recording-warning').count()) > 0,
      shown: shown?.trim().slice(0, 80),
    }),
  );
} finally {
  await app.close();
}
