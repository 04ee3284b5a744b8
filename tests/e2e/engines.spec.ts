import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseEngine, CLIP_SEC, openEditor, renderAndDownload } from './editor';
import {
  bandLevel,
  decodeErrors,
  ffprobe,
  fixture,
  frameRgb,
  generated,
  regionColor,
  rgbDiff,
  SHORT_COLOR_TAGS,
  topLevelBoxes,
  videoFrameCount,
  videoPacketTimes,
} from './helpers';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-engines-'));

/** The rendered video plays in Chromium's own <video>: it gets to canplay with the clip's duration. */
async function expectPlayable(page: Page) {
  const duration = await page.getByTestId('render-result').evaluate(
    (v: HTMLVideoElement) =>
      new Promise<number>((resolve, reject) => {
        if (v.readyState >= 3) return resolve(v.duration);
        v.addEventListener('canplay', () => resolve(v.duration), { once: true });
        v.addEventListener('error', () => reject(new Error(`video error ${v.error?.code}`)), { once: true });
      }),
  );
  expect(Math.abs(duration - CLIP_SEC)).toBeLessThanOrEqual(0.1);
}

test('both engines make the same short: size, frames, overlays in place and time, the same audio mix', async ({ page }) => {
  await openEditor(page);
  await chooseEngine(page, /Fast only/);
  const fast = await renderAndDownload(page, outDir, 'webcodecs');
  await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', 'webcodecs');
  // Both cores: the 6 s clip was rendered as two 3 s parts in two workers, then joined.
  const timings = JSON.parse((await page.getByTestId('render-engine').getAttribute('data-timings')) ?? '{}') as Record<string, number>;
  expect(timings.segments).toBe(2);
  await expectPlayable(page);

  await chooseEngine(page, /Compatible only/);
  const slow = await renderAndDownload(page, outDir, 'ffmpeg');
  await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', 'ffmpeg');
  await expectPlayable(page);

  for (const path of [fast, slow]) {
    const probe = ffprobe(path);
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({
      codec_name: 'h264',
      width: 1080,
      height: 1920,
      ...SHORT_COLOR_TAGS,
      profile: 'High',
    });
    expect(probe.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac' });
    expect(Math.abs(Number(probe.format.duration) - CLIP_SEC)).toBeLessThanOrEqual(0.1);
    expect(decodeErrors(path)).toBe('');
    const boxes = topLevelBoxes(path);
    expect(boxes).toContain('moov');
    expect(boxes.indexOf('moov'), `boxes: ${boxes.join(' ')}`).toBeLessThan(boxes.indexOf('mdat'));
  }
  expect(Math.abs(videoFrameCount(fast) - videoFrameCount(slow))).toBeLessThanOrEqual(1);
  // One continuous stream across the join at 3 s: every frame 1/30 s after the last, a keyframe where the second part starts.
  const packets = videoPacketTimes(fast);
  expect(packets).toHaveLength(CLIP_SEC * 30);
  expect(packets.every((p, i) => Math.abs(p.t - i / 30) < 0.002)).toBe(true);
  expect(packets[90]?.key).toBe(true);

  // Intro card fading in (0.2 s), intro shown (1.5 s), captions + sticker (4 s): the frames match.
  // The blurred bands differ a little (box blur vs Gaussian); the picture and overlays must not.
  // 2.95 and 3.02: the last frame of the first part and the first of the second.
  for (const t of [0.2, 1.5, 2.95, 3.02, 4]) {
    expect(rgbDiff(frameRgb(fast, t), frameRgb(slow, t)).mean, `whole frame at ${t} s`).toBeLessThan(6);
    const video = '1080:608:0:656';
    expect(rgbDiff(frameRgb(fast, t, 108, 61, video), frameRgb(slow, t, 108, 61, video)).mean, `video area at ${t} s`).toBeLessThan(4);
  }
  // Overlays: the same colour inside the sticker, the intro card's plate (shown, then half-way
  // through its fade-in) and a caption plate, at the places the canvas put them.
  const close = (t: number, x: number, y: number, w: number, h: number, tol: number) => {
    const a = regionColor(fast, t, x, y, w, h);
    const b = regionColor(slow, t, x, y, w, h);
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!))), `region ${x},${y} at ${t} s: ${a} vs ${b}`).toBeLessThan(tol);
  };
  close(4, 770, 300, 16, 16, 6);
  close(1.5, 140, 560, 20, 20, 6);
  close(0.2, 140, 560, 20, 20, 10);
  close(4, 90, 1380, 16, 12, 8);
  // The same mix: voice band and the music's 3 kHz marker at the same level.
  for (const hz of [500, 3000]) expect(Math.abs(bandLevel(fast, hz) - bandLevel(slow, hz)), `${hz} Hz band`).toBeLessThan(1.5);
});

test('cancelling a fast-engine render stops it; the next render works', async ({ page }) => {
  await openEditor(page);
  await chooseEngine(page, /Fast only/);
  const panel = page.getByRole('region', { name: 'Render' });
  await page.getByRole('button', { name: 'Render video' }).click();
  await expect(panel.getByTestId('job-percent')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('job-percent')).toHaveCount(0);
  await expect(page.getByTestId('render-result')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Render video' })).toBeEnabled();
  const path = await renderAndDownload(page, outDir, 'after-cancel');
  await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', 'webcodecs');
  expect(Math.abs(Number(ffprobe(path).format.duration) - CLIP_SEC)).toBeLessThanOrEqual(0.1);
});

test('a codec the browser cannot decode (HEVC here) is rendered by ffmpeg.wasm, and the app says why', async ({ page }) => {
  await openEditor(page, { files: [generated('rec-hevc.mp4'), fixture('clicks-20s.csv')], clipSec: 4 });
  const hevcDecodes = await page.evaluate(async () => (await VideoDecoder.isConfigSupported({ codec: 'hvc1.1.6.L93.B0' })).supported === true);
  test.skip(hevcDecodes, 'this browser decodes HEVC: the fast engine renders it');
  await page.getByLabel('720×1280 (faster)').check();
  const path = await renderAndDownload(page, outDir, 'hevc');
  const note = page.getByTestId('render-engine');
  await expect(note).toHaveAttribute('data-engine', 'ffmpeg');
  await expect(note).toContainText(/cannot decode/);
  const probe = ffprobe(path);
  expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 720, height: 1280 });
  expect(Math.abs(Number(probe.format.duration) - 4)).toBeLessThanOrEqual(0.1);
});

test.describe('fallback', () => {
  // The worker script is patched on its way in; a service worker would serve it from its cache.
  test.use({ serviceWorkers: 'block' });

  test('an encoder that fails mid-render falls back to ffmpeg.wasm with the same edit', async ({ page }) => {
    // Like Firefox (says H.264 is supported, then encode() fails) or a hardware encoder that
    // refuses the size: here encode() starts failing after 20 frames.
    await page.route(/media\.worker-[^/]*\.js$/, async (route) => {
      const response = await route.fetch();
      const patch =
        'let __frames = 0; const __encode = VideoEncoder.prototype.encode;' +
        "VideoEncoder.prototype.encode = function (...args) { if (++__frames > 20) throw new Error('simulated encoder failure'); return __encode.apply(this, args); };\n";
      await route.fulfill({ response, body: patch + (await response.text()) });
    });
    await openEditor(page);
    await page.getByLabel('720×1280 (faster)').check();
    const path = await renderAndDownload(page, outDir, 'fallback');
    const note = page.getByTestId('render-engine');
    await expect(note).toHaveAttribute('data-engine', 'ffmpeg');
    await expect(note).toContainText('simulated encoder failure');
    const probe = ffprobe(path);
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 720, height: 1280 });
    expect(Math.abs(Number(probe.format.duration) - CLIP_SEC)).toBeLessThanOrEqual(0.1);
    await expectPlayable(page);
  });
});
