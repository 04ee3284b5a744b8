// "Auto-edit all" of 10 one-minute clips (1080×1920, default edit) from the 30-minute recording
// in the built app: total time, and renderer memory after the first and after the tenth short.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchOut, benchRecording, importFiles, openApp, rendererRssMb, round } from './app.mjs';

const CLIPS = 10;
/** Ten products, each with its own 60 s click burst, 150 s apart. */
function batchLog(): string {
  const rows = ['time,event,product_id,product_name,price'];
  for (let p = 0; p < CLIPS; p++) {
    const start = 60 + p * 150;
    for (let i = 0; i < 300; i++) rows.push(`${(start + (i % 60) + i / 1000).toFixed(3)},click,P${p},Product ${p + 1},${10 + p}.99`);
  }
  const path = join(benchOut, 'batch-clicks.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

const recording = benchRecording();
const app = await openApp(4396);
try {
  const { page } = app;
  await importFiles(page, [recording, batchLog()]);
  await page.getByLabel('Clips', { exact: true }).fill(String(CLIPS));
  await page
    .getByTestId('clip-list')
    .locator('tbody tr')
    .nth(CLIPS - 1)
    .waitFor();
  const results = page.getByTestId('batch-results').locator('li');
  const before = rendererRssMb();
  const t0 = performance.now();
  await page.getByRole('button', { name: `Auto-edit all ${CLIPS} clips` }).click();
  await results.first().waitFor({ timeout: 900_000 });
  const afterFirst = rendererRssMb();
  const firstSec = (performance.now() - t0) / 1000;
  await results.nth(CLIPS - 1).waitFor({ timeout: 3_600_000 });
  const totalSec = (performance.now() - t0) / 1000;
  const afterLast = rendererRssMb();
  const engines = await results.locator('[data-engine]').evaluateAll((els) => els.map((e) => e.getAttribute('data-engine')));
  console.log(
    JSON.stringify({
      bench: 'auto-edit-all',
      clips: CLIPS,
      clipSec: 60,
      output: '1080x1920',
      engines: [...new Set(engines)],
      firstSec: round(firstSec),
      totalSec: round(totalSec),
      secPerClip: round(totalSec / CLIPS),
      rendererRssBeforeMb: before,
      rendererRssAfterFirstMb: afterFirst,
      rendererRssAfterLastMb: afterLast,
      growthAfterFirstMb: afterLast - afterFirst,
    }),
  );
} finally {
  await app.close();
}
