// The short's audio mix in the browser (voice + music, fades, ducking) against native ffmpeg running
// the ffmpeg.wasm path's own filter graph on the same decoded samples; and the resampler that
// brings any source to 48 kHz stereo.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClipMixer, Ducker, type Stereo } from '../../src/domain/edit/audioMix';
import { AUDIO_RATE, DUCKING, makeRenderPlan, type MusicPlan, type RenderPlan } from '../../src/domain/edit/plan';
import { StereoResampler } from '../../src/domain/recording/stereoResampler';
import { audioMixArgs } from '../../src/media/ffmpeg/renderArgs';

const generated = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'generated', name);
const MUSIC = join(import.meta.dirname, '..', '..', 'public', 'music', 'beat-loop.m4a');

/** ffmpeg's output as planar stereo (from interleaved f32le). */
function planar(pcm: Buffer): [Float32Array, Float32Array] {
  const all = new Float32Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 4);
  const n = all.length / 2;
  const l = new Float32Array(n);
  const r = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    l[i] = all[2 * i]!;
    r[i] = all[2 * i + 1]!;
  }
  return [l, r];
}

/** A source decoded by ffmpeg as the graph's aformat does (48 kHz stereo float), `sec` long from `start`. */
const decoded = (path: string, start: number, sec: number, loop = false) =>
  planar(
    execFileSync(
      'ffmpeg',
      [
        ...['-v', 'error', ...(loop ? ['-stream_loop', '-1'] : ['-ss', String(start)]), '-t', String(sec), '-i', path],
        ...['-af', `aformat=sample_fmts=flt:sample_rates=${AUDIO_RATE}:channel_layouts=stereo`, '-f', 'f32le', '-'],
      ],
      { maxBuffer: 1 << 28 },
    ),
  );

const plan = (start: number, end: number, music: MusicPlan): RenderPlan =>
  makeRenderPlan(
    { width: 640, height: 360, rotation: 0, hasAudio: true, durationSec: 20 },
    { start, end },
    { width: 360, height: 640, fps: 30 },
    'crop',
    'balanced',
    {
      music,
    },
  );

/** ffmpeg's mix of the plan (the ffmpeg.wasm path's filter graph), as float samples instead of AAC. */
function ffmpegMix(p: RenderPlan, voicePath: string): [Float32Array, Float32Array] {
  const args = audioMixArgs(p, voicePath, '/dev/null', { overlay: () => '', music: MUSIC });
  const graph = args.slice(0, args.indexOf('-map'));
  return planar(
    execFileSync('ffmpeg', [...graph.slice(3), '-map', '[aout]', '-t', String(p.source.end - p.source.start), '-f', 'f32le', '-'], {
      maxBuffer: 1 << 28,
    }),
  );
}

/** Our mixer over ffmpeg-decoded inputs, in uneven blocks as the worker feeds it. */
function ourMix(voice: Stereo, music: Stereo, clipSec: number, m: MusicPlan): [Float32Array, Float32Array] {
  const mixer = new ClipMixer(AUDIO_RATE, clipSec, m);
  const out: [Float32Array, Float32Array] = [new Float32Array(mixer.frames), new Float32Array(mixer.frames)];
  for (let at = 0; at < mixer.frames; at += 3001) {
    const end = Math.min(mixer.frames, at + 3001);
    const part = (s: Stereo): Stereo => [s[0].subarray(at, end), s[1].subarray(at, end)];
    mixer.mix(at, part(voice), part(music), part(out));
  }
  return out;
}

const worst = (a: Float32Array, b: Float32Array) => a.reduce((w, v, i) => Math.max(w, Math.abs(v - (b[i] ?? 0))), 0);
const peak = (a: Float32Array) => a.reduce((w, v) => Math.max(w, Math.abs(v)), 0);

describe('the browser audio mix', () => {
  const voicePath = generated('rec-speech.mp4');
  const [start, end] = [2, 8];
  const clipSec = end - start;

  it.each([
    ['ducked, with fades', { volume: 0.8, fadeInSec: 1, fadeOutSec: 1.5, duck: true }],
    ['not ducked, fades longer than the clip', { volume: 0.5, fadeInSec: 5, fadeOutSec: 5, duck: false }],
  ] as const)('gives native ffmpeg its samples: %s', (_, music) => {
    const p = plan(start, end, music);
    const want = ffmpegMix(p, voicePath);
    const voice = decoded(voicePath, start, clipSec);
    const tune = decoded(MUSIC, 0, clipSec, true);
    const ours = ourMix(voice, tune, clipSec, music);
    expect(ours[0].length).toBe(want[0].length);
    // The sound is there, and the same to float rounding (ffmpeg's compressor runs in double).
    expect(peak(want[0])).toBeGreaterThan(0.05);
    expect(worst(ours[0], want[0])).toBeLessThan(1e-6);
    expect(worst(ours[1], want[1])).toBeLessThan(1e-6);
  });

  it("ducks by about the compressor's ratio while the voice is loud, and not at all in silence", () => {
    const ducker = new Ducker(AUDIO_RATE);
    // Silence: no gain change.
    for (let i = 0; i < 1000; i++) expect(ducker.gain(0, 0)).toBe(DUCKING.makeup);
    // A steady voice 20 dB over the threshold: gain → (level/threshold)^(1/ratio − 1) once the detector settles.
    const level = DUCKING.threshold * 10;
    let g = 1;
    for (let i = 0; i < AUDIO_RATE; i++) g = ducker.gain(level, level);
    expect(g).toBeCloseTo(10 ** (1 / DUCKING.ratio - 1), 2);
  });
});

describe('StereoResampler', () => {
  const sine = (n: number, rate: number, hz: number, from = 0) => Float32Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * hz * (i + from)) / rate));

  it('brings 44.1 kHz mono to 48 kHz stereo, fed and read in uneven pieces', () => {
    const r = new StereoResampler(48000);
    const source = sine(44100, 44100, 440);
    const out: [Float32Array, Float32Array] = [new Float32Array(48000), new Float32Array(48000)];
    let fed = 0;
    for (let at = 0; at < 48000; at += 1000) {
      const n = Math.min(1000, 48000 - at);
      while (!r.covers(at + n)) {
        r.push([source.subarray(fed, fed + 1024)], fed / 44100, 44100);
        fed += 1024;
        if (fed >= source.length) r.end();
      }
      const part: Stereo = [out[0].subarray(at, at + n), out[1].subarray(at, at + n)];
      r.read(at, part);
    }
    // Mono into both sides at −3 dB, as ffmpeg's swresample. Linear interpolation of a 440 Hz
    // tone: within 0.1 % of full scale.
    const want = sine(48000, 48000, 440).map((v) => v * Math.SQRT1_2);
    expect(worst(out[0].subarray(0, 47000), want)).toBeLessThan(1e-3);
    expect(out[1]).toEqual(out[0]);
  });

  it("brings the bundled sample's 44.1 kHz mono voice to what ffmpeg's aformat makes of it (level and shape)", () => {
    const sample = join(import.meta.dirname, '..', '..', 'public', 'samples', 'sample.mp4');
    const raw = execFileSync('ffmpeg', ['-v', 'error', '-t', '10', '-i', sample, '-f', 'f32le', '-ac', '1', '-'], { maxBuffer: 1 << 28 });
    const mono = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
    const want = decoded(sample, 0, 10);
    const r = new StereoResampler(48000);
    r.push([mono], 0, 44100);
    r.end();
    const n = want[0].length;
    const out: [Float32Array, Float32Array] = [new Float32Array(n), new Float32Array(n)];
    r.read(0, out);
    const energy = (a: Float32Array) => a.reduce((e, v) => e + v * v, 0);
    const dot = out[0].reduce((d, v, i) => d + v * want[0][i]!, 0);
    expect(dot / Math.sqrt(energy(out[0]) * energy(want[0]))).toBeGreaterThan(0.99);
    expect(Math.abs(10 * Math.log10(energy(out[0]) / energy(want[0])))).toBeLessThan(0.2);
  });

  it('places the audio by its first chunk: silence before it, silence after the end', () => {
    const r = new StereoResampler(48000);
    const tone = sine(4800, 48000, 1000);
    // Starts 0.05 s into the output, 0.1 s long.
    r.push([tone, tone.map((v) => -v)], 0.05, 48000);
    r.end();
    const out: [Float32Array, Float32Array] = [new Float32Array(12000), new Float32Array(12000)];
    r.read(0, out);
    expect(peak(out[0].subarray(0, 2400))).toBe(0);
    expect(worst(out[0].subarray(2400, 7200), tone)).toBeLessThan(1e-6);
    expect(
      worst(
        out[1].subarray(2400, 7200),
        tone.map((v) => -v),
      ),
    ).toBeLessThan(1e-6);
    expect(peak(out[0].subarray(7201))).toBe(0);
  });

  it('starts mid-chunk when the decoder hands over audio from before the clip, and folds a centre channel into both sides', () => {
    const r = new StereoResampler(48000);
    const n = 9600;
    const left = sine(n, 48000, 300);
    const right = new Float32Array(n);
    const centre = new Float32Array(n).fill(0.5);
    // The chunk began 0.1 s before the clip.
    r.push([left, right, centre], -0.1, 48000);
    r.end();
    const out: [Float32Array, Float32Array] = [new Float32Array(100), new Float32Array(100)];
    r.read(0, out);
    expect(out[0][0]).toBeCloseTo(left[4800]! + Math.SQRT1_2 * 0.5, 5);
    expect(out[1][0]).toBeCloseTo(Math.SQRT1_2 * 0.5, 5);
  });
});
