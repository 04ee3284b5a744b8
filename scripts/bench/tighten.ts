// "Tighten" (issue 23): what cutting the pauses costs a 60 s short's render (fast engine,
// 720×1280), against the same clip untightened, in one run. The recording: 60 s of 720p with a
// voice-like tone that speaks 2.5 s and pauses 1.5 s, made here with ffmpeg, so a third of the
// clip is pauses. The cut frames are still decoded (they lie between kept ones), but neither drawn
// nor encoded: a tightened short should cost less per second of source, about the same per second
// of output.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchOut, importFiles, openApp, openFastEditor, renderInEditor, round } from './app.mjs';

const recording = join(benchOut, 'pauses-60s.mp4');
execFileSync('ffmpeg', [
  ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=30:d=60'],
  // 2.5 s of a 220 Hz tone, then 1.5 s of silence, over and over.
  ...['-f', 'lavfi', '-i', "sine=f=220:sample_rate=48000:d=60,volume='if(lt(mod(t,4),2.5),0.3,0)':eval=frame"],
  ...['-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-preset', 'veryfast', '-g', '30', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-t', '60', recording],
]);
const log = join(benchOut, 'pauses-clicks.csv');
writeFileSync(log, ['time,event,product_id,product_name', ...Array.from({ length: 240 }, (_, i) => `${(0.5 + i / 4).toFixed(2)},click,T1,Tea Set`)].join('\n'));

const app = await openApp(4396);
try {
  const { page } = app;
  await importFiles(page, [recording, log]);
  await openFastEditor(page);
  const clipSec = Number((await page.locator('.editor p.muted.small').first().textContent())?.match(/([\d.]+) s ·/)?.[1]);
  const plainSec = await renderInEditor(page);
  await page.getByRole('checkbox', { name: 'Cut the pauses' }).check();
  const summary = (await page.getByTestId('tighten-summary').textContent({ timeout: 600_000 })) ?? '';
  const cuts = Number(summary.match(/^(\d+) pause/)?.[1] ?? 0);
  const shortSec = Number(summary.match(/\(([\d.]+) s\)/)?.[1]);
  const tightSec = await renderInEditor(page);
  console.log(
    JSON.stringify({
      bench: 'tighten',
      clipSec,
      cuts,
      shortSec,
      renderPlainSec: round(plainSec),
      renderTightSec: round(tightSec),
      // Render time per second of the short, tightened against untightened: the cost of the cuts.
      perOutputSecRatio: round(tightSec / shortSec / (plainSec / clipSec)),
      // And the whole render: what the seller waits, shorter short included.
      renderRatio: round(tightSec / plainSec),
    }),
  );
} finally {
  await app.close();
}
