import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseEngine, openEditor, renderAndDownload } from './editor';
import { decodeErrors, ffprobe, fixture, generated, rgbDiff, SHORT_COLOR_TAGS, videoFrameCount } from './helpers';

const outDir = mkdtempSync(join(tmpdir(), 'lhs-sources-'));
const CLIP = 4;

/** A region of the frame at `t`, as rgb24, from native ffmpeg (which applies the display rotation). */
const region = (path: string, t: number, vf: string) =>
  execFileSync('ffmpeg', ['-v', 'error', '-ss', String(t), '-i', path, '-frames:v', '1', '-vf', vf, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);

// Each awkward source through the fast engine: 720×1280, constant 30 fps, exact length, SDR BT.601
// tags on 8-bit pixels, an audio track even when the source has none, and it decodes clean.
for (const [name, file, hasAudio] of [
  ['a phone video with a 90° display matrix', 'rec-rot90.mp4', true],
  ['a phone video with a 180° display matrix', 'rec-rot180.mp4', true],
  ['a phone video with a 270° display matrix', 'rec-rot270.mp4', true],
  ['an odd size (858×482), variable frame rate, no audio', 'rec-odd-vfr.mp4', false],
  ['HDR: VP9 10-bit BT.2020 HLG', 'rec-hlg.webm', true],
] as const) {
  test(`fast engine renders ${name}`, async ({ page }) => {
    const start = await openEditor(page, { files: [generated(file), fixture('clicks-20s.csv')], clipSec: CLIP });
    await page.getByLabel('720×1280 (faster)').check();
    await page.getByLabel('Centre crop').check();
    await chooseEngine(page, /Fast only/);
    const out = await renderAndDownload(page, outDir, file.replace(/\.\w+$/, ''));
    await expect(page.getByTestId('render-engine')).toHaveAttribute('data-engine', 'webcodecs');

    const probe = ffprobe(out);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({
      width: 720,
      height: 1280,
      ...SHORT_COLOR_TAGS,
      avg_frame_rate: '30/1',
    });
    expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
    expect(Math.abs(Number(probe.format.duration) - CLIP)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(videoFrameCount(out) - CLIP * 30)).toBeLessThanOrEqual(1);
    expect(decodeErrors(out)).toBe('');

    // The picture is the source's, upright and centre-cropped: compare a strip free of overlays
    // (left edge, between the intro card and the captions) with native ffmpeg's own reframe.
    const t = 3;
    const strip = 'crop=120:300:40:450';
    const cropVf = `scale=720:1280:force_original_aspect_ratio=increase,crop=720:1280,${strip}`;
    const diff = rgbDiff(region(out, t, strip), region(generated(file), start + t, cropVf));
    expect(diff.mean, `picture differs from the source (${hasAudio ? 'with' : 'without'} audio)`).toBeLessThan(12);
  });
}
