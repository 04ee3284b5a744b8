/**
 * Runs renderArgs() through the native ffmpeg (same major version as ffmpeg.wasm's core) on the
 * generated fixture and checks the result with ffprobe. Skipped when ffmpeg/ffprobe or the
 * fixture are missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderPlan } from '../../src/domain/edit/plan';
import { audioMixArgs, renderArgs } from '../../src/media/ffmpeg/renderArgs';
import { videoFrameCount } from '../e2e/helpers';

const FIXTURE = resolve('tests/fixtures/generated/rec-20s.mp4');
const hasTool = (tool: string) => spawnSync(tool, ['-version'], { stdio: 'ignore' }).status === 0;
const missing =
  !hasTool('ffmpeg') || !hasTool('ffprobe')
    ? 'native ffmpeg/ffprobe not on PATH'
    : !existsSync(FIXTURE)
      ? `${FIXTURE} missing (run scripts/make-fixtures.sh)`
      : '';
if (missing) console.warn(`edit-render-native: skipped — ${missing}`);

interface Probe {
  streams: {
    codec_type: string;
    codec_name: string;
    width?: number;
    height?: number;
    pix_fmt?: string;
    sample_rate?: string;
    channels?: number;
    color_space?: string;
    color_transfer?: string;
    color_primaries?: string;
  }[];
  format: { duration: string };
}

describe.skipIf(missing !== '')(`renderArgs with native ffmpeg${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let dir = '';
  const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-v', 'error', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const probe = (file: string): Probe =>
    JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', join(dir, file)]).toString()) as Probe;
  /** RGB of one pixel of the frame at `t` seconds. */
  const pixel = (file: string, t: number, x: number, y: number): number[] =>
    Array.from(ffmpeg(['-ss', String(t), '-i', file, '-frames:v', '1', '-vf', `format=rgb24,crop=1:1:${x}:${y}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'edit-render-'));
    ffmpeg(['-f', 'lavfi', '-i', 'color=red@0.8:s=300x120,format=rgba', '-frames:v', '1', 'red.png']);
    ffmpeg(['-f', 'lavfi', '-i', 'sine=f=3000:sample_rate=48000:d=10', '-c:a', 'aac', 'music.m4a']);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('blur 720x1280 with a fading overlay and ducked music: exact duration, h264 yuv420p + aac', () => {
    const plan: RenderPlan = {
      output: { width: 720, height: 1280, fps: 30 },
      source: { start: 2, end: 5, width: 640, height: 360, rotation: 0, hasAudio: true },
      reframe: 'blur',
      quality: 'balanced',
      overlays: [{ id: 'red', x: 100, y: 200, width: 300, height: 120, from: 0.5, to: 2.5, fadeInSec: 0.2 }],
      music: { volume: 0.5, fadeInSec: 0.5, fadeOutSec: 0.5, duck: true },
    };
    ffmpeg(renderArgs(plan, FIXTURE, 'blur.mp4', { overlay: (id) => `${id}.png`, music: 'music.m4a' }));
    const p = probe('blur.mp4');
    const video = p.streams.find((s) => s.codec_type === 'video');
    const audio = p.streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', width: 720, height: 1280, pix_fmt: 'yuv420p' });
    expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
    expect(Math.abs(Number(p.format.duration) - 3)).toBeLessThanOrEqual(0.1);
    // the overlay is on screen at 1 s (red at 80% over the picture), gone at 2.8 s
    const rgb = pixel('blur.mp4', 1, 250, 260);
    expect(rgb).toHaveLength(3);
    const [r = 0, g = 255, b = 255] = rgb;
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
    expect(pixel('blur.mp4', 2.8, 250, 260)).not.toEqual(rgb);
  }, 60_000);

  it('crop 1080x1920 of a silent plan gets a generated silent AAC track', () => {
    const plan: RenderPlan = {
      output: { width: 1080, height: 1920, fps: 30 },
      source: { start: 10, end: 11.5, width: 640, height: 360, rotation: 0, hasAudio: false },
      reframe: 'crop',
      quality: 'fast',
      overlays: [],
    };
    ffmpeg(renderArgs(plan, FIXTURE, 'crop.mp4'));
    const p = probe('crop.mp4');
    expect(p.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(p.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1080, height: 1920, pix_fmt: 'yuv420p' });
    expect(Math.abs(Number(p.format.duration) - 1.5)).toBeLessThanOrEqual(0.1);
  }, 60_000);

  it('the audio mix alone (what the WebCodecs engine muxes): AAC, exact length, music in it', () => {
    const plan: RenderPlan = {
      output: { width: 720, height: 1280, fps: 30 },
      source: { start: 2, end: 5, width: 640, height: 360, rotation: 0, hasAudio: true },
      reframe: 'crop',
      quality: 'balanced',
      overlays: [],
      music: { volume: 1, fadeInSec: 0, fadeOutSec: 0, duck: false },
    };
    ffmpeg(audioMixArgs(plan, FIXTURE, 'mix.m4a', { overlay: (id) => `${id}.png`, music: 'music.m4a' }));
    const p = probe('mix.m4a');
    expect(p.streams.map((s) => s.codec_type)).toEqual(['audio']);
    expect(p.streams[0]).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });
    expect(Math.abs(Number(p.format.duration) - 3)).toBeLessThanOrEqual(0.05);
  }, 60_000);

  it('a tightened plan (issue 23) plays only its kept spans, after its teaser: picture and sound exactly their length', () => {
    const plan: RenderPlan = {
      output: { width: 360, height: 640, fps: 30 },
      source: { start: 2, end: 12, width: 640, height: 360, rotation: 0, hasAudio: true },
      keep: [
        { start: 2, end: 4 },
        { start: 5, end: 8 },
        { start: 10.5, end: 12 },
      ],
      reframe: 'crop',
      quality: 'fast',
      overlays: [],
    };
    ffmpeg(renderArgs(plan, FIXTURE, 'tight.mp4'));
    expect(videoFrameCount(join(dir, 'tight.mp4'))).toBe(195);
    const p = probe('tight.mp4');
    expect(p.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(Math.abs(Number(p.format.duration) - 6.5)).toBeLessThanOrEqual(0.05);
    ffmpeg(audioMixArgs(plan, FIXTURE, 'tight.m4a', { overlay: (id) => `${id}.png` }));
    expect(Math.abs(Number(probe('tight.m4a').format.duration) - 6.5)).toBeLessThanOrEqual(0.05);

    // With a hook: 1.5 s from the clip's 6 s first (its own input), then the same spans.
    const hooked: RenderPlan = { ...plan, teaser: { start: 6, end: 7.5 } };
    ffmpeg(renderArgs(hooked, FIXTURE, 'hook.mp4'));
    expect(videoFrameCount(join(dir, 'hook.mp4'))).toBe(45 + 195);
    expect(Math.abs(Number(probe('hook.mp4').format.duration) - 8)).toBeLessThanOrEqual(0.05);
    // The teaser's first frame is the recording's at 6 s, as the clip's frame at 6 s (output 1.5 + 2 + 1) is.
    const frameAt = (file: string, t: number) =>
      ffmpeg(['-ss', String(t), '-i', file, '-frames:v', '1', '-vf', 'scale=36:64', '-f', 'rawvideo', '-pix_fmt', 'gray', '-']);
    const [a, b, c] = [frameAt('hook.mp4', 0.02), frameAt('hook.mp4', 4.52), frameAt('hook.mp4', 1.52)];
    const diff = (x: Buffer, y: Buffer) => x.reduce((sum, v, i) => sum + Math.abs(v - y[i]!), 0) / x.length;
    expect(diff(a, b)).toBeLessThan(4);
    expect(diff(a, c)).toBeGreaterThan(8);
    ffmpeg(audioMixArgs(hooked, FIXTURE, 'hook.m4a', { overlay: (id) => `${id}.png` }));
    expect(Math.abs(Number(probe('hook.m4a').format.duration) - 8)).toBeLessThanOrEqual(0.05);
  }, 60_000);

  it('an HLG source comes out SDR, 8-bit, tagged BT.601 like the WebCodecs engine', () => {
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=640x360:r=30:d=2',
      '-vf',
      'format=yuv420p10le',
      '-c:v',
      'libx265',
      '-x265-params',
      'log-level=none',
      '-color_primaries',
      'bt2020',
      '-color_trc',
      'arib-std-b67',
      '-colorspace',
      'bt2020nc',
      'hlg.mp4',
    ]);
    const plan: RenderPlan = {
      output: { width: 720, height: 1280, fps: 30 },
      source: { start: 0, end: 1, width: 640, height: 360, rotation: 0, hasAudio: false, colorMatrix: 'bt2020nc', colorTransfer: 'arib-std-b67' },
      reframe: 'blur',
      quality: 'fast',
      overlays: [],
    };
    ffmpeg(renderArgs(plan, join(dir, 'hlg.mp4'), 'sdr.mp4'));
    expect(probe('sdr.mp4').streams.find((s) => s.codec_type === 'video')).toMatchObject({
      pix_fmt: 'yuv420p',
      color_space: 'bt709',
      color_transfer: 'bt709',
      color_primaries: 'bt709',
    });
  }, 60_000);
});
