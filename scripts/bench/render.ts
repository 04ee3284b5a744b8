// Auto-edit render of a 60 s clip (intro card, captions, sticker, ducked music) at 720×1280 and
// 1080×1920 in the built app with each engine (WebCodecs, ffmpeg.wasm), and the same plan with
// native ffmpeg, all in one run. Prints one JSON line per output size.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeRenderPlan, type OverlayImage } from '../../src/domain/edit/plan';
import { outputPreset } from '../../src/domain/edit/output';
import { renderArgs } from '../../src/media/ffmpeg/renderArgs';
import { benchLog, benchOut, benchRecording, importFiles, openApp, rendererRssMb, round } from './app.mjs';

// BENCH_SIZES=fast renders only 720×1280 (likewise BENCH_ENGINES), for quick iterations.
const only = (env: string | undefined) => (id: string) => !env || env.split(',').includes(id);
const SIZES = (
  [
    ['fast', '720×1280 (faster)'],
    ['hd', '1080×1920 (HD)'],
  ] as const
).filter(([id]) => only(process.env.BENCH_SIZES)(id));
const ENGINES = (
  [
    ['webcodecs', 'Fast only (WebCodecs)'],
    ['ffmpeg', 'Compatible only (ffmpeg.wasm, slower)'],
  ] as const
).filter(([id]) => only(process.env.BENCH_ENGINES)(id));

interface Run {
  sec: number;
  rssPeakMb: number;
  timings: Record<string, number>;
}

async function chooseEngine(page: Page, label: string) {
  const select = page.getByLabel('Video engine');
  if (!(await select.isVisible())) await page.getByText('Advanced', { exact: true }).click();
  await select.selectOption({ label });
}

async function renderOnce(page: Page): Promise<Run> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rendererRssMb())), 200);
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Render video' }).click();
  await page.getByTestId('render-result').waitFor({ state: 'detached' });
  await page.getByTestId('render-result').waitFor({ timeout: 900_000 });
  const sec = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const timings = JSON.parse((await page.getByTestId('render-engine').getAttribute('data-timings')) ?? '{}') as Record<string, number>;
  // The fast engine's audio mix in the browser (media/router.ts measures it), beside the video.
  const mixMs = await page.evaluate(() => performance.getEntriesByName('lhs:mix').at(-1)?.duration);
  if (mixMs !== undefined) timings.audioMixSec = mixMs / 1000;
  await page.evaluate(() => performance.clearMeasures('lhs:mix'));
  return { sec, rssPeakMb: peak, timings };
}

const recording = benchRecording();
const app = await openApp(4394);
const runs = new Map<string, Run>();
let clip = { start: 0, end: 0 };
try {
  const { page } = app;
  await importFiles(page, [recording, benchLog()]);
  const row = page.getByTestId('clip-list').locator('tbody tr').first();
  await row
    .locator('td:nth-child(4)')
    .filter({ hasText: /^60 s$/ })
    .waitFor();
  const [start, end] = (await row.locator('td').nth(2).innerText()).split('–').map((t) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0));
  clip = { start: start!, end: end! };
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await page.locator('[data-testid=editor-canvas][data-ready=true]').waitFor();
  for (const [engine, engineLabel] of ENGINES) {
    await chooseEngine(page, engineLabel);
    for (const [size, sizeLabel] of SIZES) {
      await page.getByLabel(sizeLabel).check();
      const run = await renderOnce(page);
      runs.set(`${engine}-${size}`, run);
      console.error(`${engine} ${size}: ${round(run.sec)} s`);
    }
  }
} finally {
  await app.close();
}

// Native reference: the same plan shape — overlay boxes the size of the app's defaults
// (intro card, two product captions, one sticker) as RGBA stills, the bundled music.
/** An RGBA still of a box given in design pixels (1080 wide), at the output's scale. */
const stills = new Map<string, string>();
const still = (id: string, scale: number, x: number, y: number, w: number, h: number, from: number, to: number): OverlayImage => {
  const [W, H] = [Math.round(w * scale), Math.round(h * scale)];
  const file = join(benchOut, `${id}-${W}.png`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=red@0.7:s=${W}x${H},format=rgba`, '-frames:v', '1', file]);
  stills.set(id, file);
  return { id, x: Math.round(x * scale), y: Math.round(y * scale), width: W, height: H, from, to };
};
const overlays = (k: number): OverlayImage[] => [
  still('c0', k, 66, 1300, 830, 180, 2.5, 10.5),
  still('c1', k, 66, 1330, 830, 120, 10.5, 60),
  still('s', k, 690, 150, 230, 230, 0, 60),
  { ...still('intro', k, 112, 400, 736, 330, 0, 2.5), fadeInSec: 0.4 },
];
const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', recording]).toString()) as {
  streams: Array<{ codec_type: string; width?: number; height?: number }>;
  format: { duration: string };
};
const v = probe.streams.find((s) => s.codec_type === 'video')!;
const meta = { width: v.width!, height: v.height!, rotation: 0, hasAudio: true, durationSec: Number(probe.format.duration) };
const nativeSec: Record<string, number> = {};
for (const [size] of SIZES) {
  const output = outputPreset(size);
  const plan = makeRenderPlan(meta, clip, output, 'blur', 'balanced', {
    overlays: overlays(output.width / 1080),
    music: { volume: 0.35, fadeInSec: 1, fadeOutSec: 1.5, duck: true },
  });
  const paths = { overlay: (id: string) => stills.get(id)!, music: join(import.meta.dirname, '../../public/music/beat-loop.m4a') };
  const t0 = performance.now();
  execFileSync('ffmpeg', ['-v', 'error', '-threads', '2', ...renderArgs(plan, recording, join(benchOut, `native-${size}.mp4`), paths).slice(1)]);
  nativeSec[size] = (performance.now() - t0) / 1000;
}

const clipSec = clip.end - clip.start;
for (const [size] of SIZES) {
  const wc = runs.get(`webcodecs-${size}`);
  const ff = runs.get(`ffmpeg-${size}`);
  const native = nativeSec[size]!;
  console.log(
    JSON.stringify({
      bench: 'auto-edit-render',
      output: size === 'hd' ? '1080x1920' : '720x1280',
      clipSec: round(clipSec),
      nativeSec: round(native),
      ...(wc && {
        webcodecsSec: round(wc.sec),
        webcodecsXRealTime: round(clipSec / wc.sec),
        webcodecsOverNative: round(wc.sec / native),
        webcodecsStages: Object.fromEntries(Object.entries(wc.timings).map(([k, t]) => [k, round(t)])),
        webcodecsRssPeakMb: wc.rssPeakMb,
      }),
      ...(ff && {
        wasmSec: round(ff.sec),
        wasmXRealTime: round(clipSec / ff.sec),
        wasmOverNative: round(ff.sec / native),
        wasmRssPeakMb: ff.rssPeakMb,
      }),
    }),
  );
}
