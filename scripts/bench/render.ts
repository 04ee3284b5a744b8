// Auto-edit render of a 60 s clip (intro card, captions, sticker, ducked music) at 720×1280 and
// 1080×1920 in the built app (ffmpeg.wasm), and the same filter graph with native ffmpeg.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { makeRenderPlan, renderArgs, type OverlayImage } from '../../src/domain/edit/plan';
import { outputPreset } from '../../src/domain/edit/output';
import { benchLog, benchOut, benchRecording, importFiles, openApp, rendererRssMb, round } from './app.mjs';

const recording = benchRecording();
const app = await openApp(4394);
const results: Record<string, number> = {};
let clip = { start: 0, end: 0 };
try {
  const { page } = app;
  await importFiles(page, [recording, benchLog()]);
  const row = page.getByTestId('clip-list').locator('tbody tr').first();
  await row.locator('td:nth-child(4)').filter({ hasText: /^60 s$/ }).waitFor();
  const [start, end] = (await row.locator('td').nth(2).innerText()).split('–').map((t) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0));
  clip = { start: start!, end: end! };
  await page.getByRole('link', { name: /Auto-edit/ }).click();
  await page.locator('[data-testid=editor-canvas][data-ready=true]').waitFor();
  for (const [id, label] of [
    ['fast', '720×1280 (faster)'],
    ['hd', '1080×1920 (HD)'],
  ] as const) {
    await page.getByLabel(label).check();
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rendererRssMb())), 200);
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Render video' }).click();
    await page.getByTestId('render-result').waitFor({ timeout: 900_000 });
    results[`${id}WasmSec`] = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    results[`${id}RssPeakMb`] = peak;
    console.error(`wasm ${id}: ${round(results[`${id}WasmSec`]!)} s`);
  }
} finally {
  await app.close();
}

// Native reference: the same plan shape — overlay boxes the size of the app's defaults
// (intro card, two product captions, one sticker) as RGBA stills, the bundled music.
/** An RGBA still of a box given in design pixels (1080 wide), at the output's scale. */
const still = (id: string, scale: number, x: number, y: number, w: number, h: number, from: number, to: number): OverlayImage => {
  const [W, H] = [Math.round(w * scale), Math.round(h * scale)];
  const file = join(benchOut, `${id}-${W}.png`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=red@0.7:s=${W}x${H},format=rgba`, '-frames:v', '1', file]);
  return { id, file, x: Math.round(x * scale), y: Math.round(y * scale), width: W, height: H, from, to };
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
for (const id of ['fast', 'hd'] as const) {
  const output = outputPreset(id);
  const plan = makeRenderPlan(meta, clip, output, 'blur', {
    overlays: overlays(output.width / 1080),
    music: { file: join(import.meta.dirname, '../../public/music/beat-loop.m4a'), volume: 0.35, fadeInSec: 1, fadeOutSec: 1.5, duck: true },
  });
  const t0 = performance.now();
  execFileSync('ffmpeg', ['-v', 'error', ...renderArgs(plan, recording, join(benchOut, `native-${id}.mp4`)).slice(1)]);
  results[`${id}NativeSec`] = (performance.now() - t0) / 1000;
}

const clipSec = clip.end - clip.start;
for (const id of ['fast', 'hd']) {
  console.log(
    JSON.stringify({
      bench: 'auto-edit-render',
      output: id === 'hd' ? '1080x1920' : '720x1280',
      clipSec: round(clipSec),
      wasmSec: round(results[`${id}WasmSec`]!),
      wasmSecPerClipSec: round(results[`${id}WasmSec`]! / clipSec),
      nativeSec: round(results[`${id}NativeSec`]!),
      nativeSecPerClipSec: round(results[`${id}NativeSec`]! / clipSec),
      wasmOverNative: round(results[`${id}WasmSec`]! / results[`${id}NativeSec`]!),
      rendererRssPeakMb: results[`${id}RssPeakMb`],
    }),
  );
}
