/**
 * Decoded audio of any rate and channel count, read back as stereo at one output rate, block by
 * block: what the short's mix needs from the recording's voice and the music. Fed chunk by chunk
 * as a decoder hands them over, and let go of once read, so memory stays flat. Linear
 * interpolation between source frames, as mediabunny's own resampler does.
 */
import type { Stereo } from '../edit/audioMix';

/**
 * A mono or centre channel goes into both sides at −3 dB, as ffmpeg's swresample puts it (so both
 * engines' shorts sound alike); surrounds and LFE are left out (a livestream's voice is in front).
 */
const CENTRE = Math.SQRT1_2;

export class StereoResampler {
  #left = new Float32Array(0);
  #right = new Float32Array(0);
  /** Frames held; the first is source frame `#first` (counted from the first chunk). */
  #length = 0;
  #first = 0;
  /** Output time (s) of source frame 0, and the source's rate, from the first chunk. */
  #startSec: number | undefined;
  #sourceRate = 0;
  #ended = false;

  constructor(readonly rate: number) {}

  /**
   * One decoded chunk (planar channels of equal length) starting at `startSec` of output time:
   * only the first chunk's time places the audio; later chunks follow on without a gap (a decoder's
   * rounding is not a gap, and a looped track restarts its own clock).
   */
  push(channels: readonly Float32Array[], startSec: number, sampleRate: number): void {
    const [a, b] = channels;
    if (!a) return;
    if (this.#startSec === undefined) {
      this.#startSec = startSec;
      this.#sourceRate = sampleRate;
    } else if (sampleRate !== this.#sourceRate) {
      throw new RangeError(`The audio changed rate from ${this.#sourceRate} to ${sampleRate} Hz`);
    }
    this.#reserve(a.length);
    const left = this.#left.subarray(this.#length, this.#length + a.length);
    const right = this.#right.subarray(this.#length, this.#length + a.length);
    const c = channels[2];
    if (!b) {
      for (let i = 0; i < a.length; i++) left[i] = right[i] = CENTRE * a[i]!;
    } else if (!c) {
      left.set(a);
      right.set(b);
    } else {
      for (let i = 0; i < a.length; i++) {
        left[i] = a[i]! + CENTRE * c[i]!;
        right[i] = b[i]! + CENTRE * c[i]!;
      }
    }
    this.#length += a.length;
  }

  /** No more chunks: what is held is all there is. */
  end(): void {
    this.#ended = true;
  }

  /** The source position (in source frames, fractional) of output frame `frame`. */
  #position(frame: number): number {
    return (frame / this.rate - (this.#startSec ?? 0)) * this.#sourceRate;
  }

  /** Whether output frames up to `frame` (exclusive) can be read: held, or the source ended. */
  covers(frame: number): boolean {
    if (this.#ended) return true;
    if (this.#startSec === undefined) return false;
    return Math.floor(this.#position(frame)) + 1 < this.#first + this.#length;
  }

  /** Output frames `at`…`at + out.length` into `out`: silence before the audio starts and after it ends. */
  read(at: number, out: Stereo): void {
    const [outL, outR] = out;
    for (let i = 0; i < outL.length; i++) {
      const p = this.#startSec === undefined ? -1 : this.#position(at + i);
      const j = Math.floor(p);
      const f = p - j;
      outL[i] = this.#frame(this.#left, j) * (1 - f) + (f > 0 ? this.#frame(this.#left, j + 1) * f : 0);
      outR[i] = this.#frame(this.#right, j) * (1 - f) + (f > 0 ? this.#frame(this.#right, j + 1) * f : 0);
    }
    this.#drop(Math.floor(this.#position(at + outL.length)) - 1);
  }

  #frame(plane: Float32Array, j: number): number {
    const k = j - this.#first;
    return k >= 0 && k < this.#length ? plane[k]! : 0;
  }

  /** Forgets source frames before `j` (they are behind the reader). */
  #drop(j: number): void {
    const n = Math.min(this.#length, j - this.#first);
    if (n <= 0) return;
    this.#left.copyWithin(0, n, this.#length);
    this.#right.copyWithin(0, n, this.#length);
    this.#length -= n;
    this.#first += n;
  }

  #reserve(more: number): void {
    if (this.#length + more <= this.#left.length) return;
    const size = Math.max(2 * this.#left.length, this.#length + more);
    const grow = (plane: Float32Array) => {
      const next = new Float32Array(size);
      next.set(plane.subarray(0, this.#length));
      return next;
    };
    this.#left = grow(this.#left);
    this.#right = grow(this.#right);
  }
}
