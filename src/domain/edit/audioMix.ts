/**
 * The short's audio mix as numbers, sample by sample: the recording's voice plus the music with its
 * volume, fades and ducking, as ffmpeg's graph makes it (media/ffmpeg/renderArgs.ts audioChains:
 * volume, afade, sidechaincompress, amix without normalising). The browser's render path mixes
 * with this in the media worker, so ffmpeg.wasm is not loaded for a short's sound; a unit test holds
 * it to native ffmpeg's samples.
 */
import { musicGainCurve } from './mix';
import { DUCKING, type MusicPlan } from './plan';

/** Two planar channels of one block. */
export type Stereo = readonly [Float32Array, Float32Array];

/**
 * ffmpeg's sidechaincompress (libavfilter/af_sidechaincompress.c) with its defaults for what the
 * plan leaves out: RMS detection, the channels averaged, a soft knee of 2.82843. `gain` takes
 * one voice frame and returns the music's gain for it; the detector's state carries over.
 */
export class Ducker {
  #slope = 0;
  readonly #attack: number;
  readonly #release: number;
  readonly #thres = Math.log(DUCKING.threshold);
  readonly #kneeStart: number;
  readonly #kneeStop: number;
  readonly #adjKneeStart: number;
  readonly #compressedKneeStop: number;

  constructor(sampleRate: number) {
    const knee = 2.82843;
    const linKneeStart = DUCKING.threshold / Math.sqrt(knee);
    this.#adjKneeStart = linKneeStart * linKneeStart;
    this.#kneeStart = Math.log(linKneeStart);
    this.#kneeStop = Math.log(DUCKING.threshold * Math.sqrt(knee));
    this.#compressedKneeStop = (this.#kneeStop - this.#thres) / DUCKING.ratio + this.#thres;
    this.#attack = Math.min(1, 1 / ((DUCKING.attack * sampleRate) / 4000));
    this.#release = Math.min(1, 1 / ((DUCKING.release * sampleRate) / 4000));
  }

  gain(left: number, right: number): number {
    const level = (Math.abs(left) + Math.abs(right)) / 2;
    const power = level * level;
    this.#slope += (power - this.#slope) * (power > this.#slope ? this.#attack : this.#release);
    if (!(this.#slope > this.#adjKneeStart)) return DUCKING.makeup;
    const slope = 0.5 * Math.log(this.#slope);
    const delta = 1 / DUCKING.ratio;
    let gain = (slope - this.#thres) / DUCKING.ratio + this.#thres;
    if (slope < this.#kneeStop) gain = hermite(slope, this.#kneeStart, this.#kneeStop, this.#kneeStart, this.#compressedKneeStop, 1, delta);
    return DUCKING.makeup * Math.exp(gain - slope);
  }
}

/** libavfilter/hermite.h: the cubic through (x0, p0) and (x1, p1) with slopes m0 and m1. */
function hermite(x: number, x0: number, x1: number, p0: number, p1: number, m0: number, m1: number): number {
  const width = x1 - x0;
  const t = (x - x0) / width;
  const a = m0 * width;
  const b = m1 * width;
  const c2 = -3 * p0 - 2 * a + 3 * p1 - b;
  const c3 = 2 * p0 + a - 2 * p1 + b;
  return ((c3 * t + c2) * t + a) * t + p0;
}

/**
 * Mixes a clip's audio block by block, in order from its first frame: `voice` (null: the recording
 * has no sound here) plus `music` (null: none) under its volume, fades and, when the plan ducks,
 * the voice's compressor. `out` may be the voice's own arrays.
 */
export class ClipMixer {
  readonly #ducker: Ducker | undefined;
  readonly #musicGain: ((t: number) => number) | undefined;
  readonly #frames: number;

  constructor(
    readonly sampleRate: number,
    clipSec: number,
    music: MusicPlan | undefined,
  ) {
    this.#frames = Math.round(clipSec * sampleRate);
    if (music) this.#musicGain = musicGainCurve(music, clipSec);
    if (music?.duck) this.#ducker = new Ducker(sampleRate);
  }

  /** The clip's length in frames. */
  get frames(): number {
    return this.#frames;
  }

  mix(at: number, voice: Stereo | null, music: Stereo | null, out: Stereo): void {
    const [outL, outR] = out;
    for (let i = 0; i < outL.length; i++) {
      const vl = voice ? voice[0][i]! : 0;
      const vr = voice ? voice[1][i]! : 0;
      let ml = 0;
      let mr = 0;
      if (music && this.#musicGain) {
        // The compressor hears the voice (silence where there is none), even during a fade.
        const g = this.#musicGain((at + i) / this.sampleRate) * (this.#ducker ? this.#ducker.gain(vl, vr) : 1);
        ml = music[0][i]! * g;
        mr = music[1][i]! * g;
      }
      outL[i] = vl + ml;
      outR[i] = vr + mr;
    }
  }
}
