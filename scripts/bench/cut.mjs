// Stream-copy cut of a 60 s clip out of a generated 30-minute 720p recording, in the built app
// in Debian's Chromium (ffmpeg.wasm, WORKERFS mount), against native ffmpeg on the same file.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.mjs';

const root = new URL('../..', import.meta.url).pathname;
const out = join(root, 'bench-out');
const recording = join(root, 'tests/fixtures/generated/rec-30min-720p.mp4');
const CLIP_START = 900;
const PORT = 4391;

mkdirSync(out, { recursive: true });
if (!existsSync(recording)) execFileSync('bash', [join(root, 'scripts/make-fixtures.sh'), '--bench'], { stdio: 'inherit' });

// One product with a burst at 15:00 so the 60 s pick lands mid-file (the seek matters).
const log = ['time,event,product_id,product_name'];
for (let i = 0; i < 300; i++) log.push(`${(CLIP_START + (i % 60) + i / 1000).toFixed(3)},click,B1,Bench Product`);
const logPath = join(out, 'bench-clicks.csv');
writeFileSync(logPath, `${log.join('\n')}\n`);

/** Resident memory of Chromium's renderer processes (the page and its workers), in MB. */
function rendererRssMb() {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return Math.round(kb / 1024);
}

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore' });
try {
  await waitForServer(`http://127.0.0.1:${PORT}/`);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rendererRssMb())), 100);
  const baseline = rendererRssMb();

  let t0 = performance.now();
  // A path-based file input: the browser reads the file from disk, as with a user's pick.
  await page.locator('[data-testid=home-drop] input[type=file]').setInputFiles([recording, logPath]);
  await page.getByTestId('clip-list').waitFor({ timeout: 300_000 });
  const importSec = (performance.now() - t0) / 1000;

  await page.getByLabel('Clip length in seconds').fill('60');
  // The worker has re-selected once the list shows a 60 s clip.
  await page.getByTestId('clip-list').locator('tbody tr td:nth-child(4)').filter({ hasText: /^60 s$/ }).first().waitFor();
  t0 = performance.now();
  const download = page.waitForEvent('download', { timeout: 300_000 });
  await page.getByRole('button', { name: 'Download clip' }).click();
  const clipPath = join(out, 'wasm-clip.mp4');
  await (await download).saveAs(clipPath);
  const wasmCutSec = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  await browser.close();

  t0 = performance.now();
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', String(CLIP_START), '-i', recording, '-t', '60', '-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy', '-avoid_negative_ts', 'make_zero', join(out, 'native-clip.mp4')]);
  const nativeCutSec = (performance.now() - t0) / 1000;

  const clipDuration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', clipPath]).toString());
  console.log(
    JSON.stringify({
      bench: 'stream-copy-cut',
      recordingMb: Math.round(statSync(recording).size / 1e6),
      recordingSec: 1800,
      clipStartSec: CLIP_START,
      clipSec: 60,
      outputSec: Math.round(clipDuration * 100) / 100,
      importAndProbeSec: round(importSec),
      wasmCutSec: round(wasmCutSec),
      nativeCutSec: round(nativeCutSec),
      wasmOverNative: round(wasmCutSec / nativeCutSec),
      rendererRssBaselineMb: baseline,
      rendererRssPeakMb: peak,
    }),
  );
} finally {
  server.kill();
}

function round(x) {
  return Math.round(x * 100) / 100;
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}
