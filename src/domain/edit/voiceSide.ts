/**
 * Which side of the picture the voice comes from (issue 23: two hosts too far apart for one 9:16
 * window, the one speaking is framed). Two hosts on two microphones are mixed to stereo panned as
 * they sit: while one speaks, that channel is clearly the louder. Measured per window of clip time
 * from the decoded channels, fed chunk by chunk. A mono recording (or the same sound in both
 * channels) says nothing, and the larger face is framed. Pure.
 */
export type Side = 'left' | 'right';

/** Clip time each measure covers (seconds). */
export const SIDE_WINDOW_SEC = 0.5;
/** One channel this much louder than the other (dB): the voice is on its side. */
export const SIDE_DB = 6;
/** Both channels quieter than this (dBFS): nobody speaks. */
export const VOICE_DB = -45;

const db = (sumSquares: number, count: number) => (count > 0 && sumSquares > 0 ? 10 * Math.log10(sumSquares / count) : Number.NEGATIVE_INFINITY);

/** The side of one window from its channels' levels (dBFS), or undefined when it doesn't say. */
export function sideOf(leftDb: number, rightDb: number): Side | undefined {
  if (Math.max(leftDb, rightDb) < VOICE_DB || Math.abs(leftDb - rightDb) < SIDE_DB) return undefined;
  return leftDb > rightDb ? 'left' : 'right';
}

export class SideMeter {
  readonly #left: number[] = [];
  readonly #right: number[] = [];
  readonly #count: number[] = [];

  /** `start`: the clip's start in the recording (seconds); windows count from it. */
  constructor(readonly start: number) {}

  /** One decoded chunk: its left and right channels (same length), start time (recording seconds) and sample rate. */
  add(left: Float32Array, right: Float32Array, startSec: number, sampleRate: number): void {
    const first = (startSec - this.start) * sampleRate;
    const perWindow = SIDE_WINDOW_SEC * sampleRate;
    for (let i = 0; i < left.length; i++) {
      const w = Math.floor((first + i) / perWindow);
      if (w < 0) continue;
      this.#left[w] = (this.#left[w] ?? 0) + left[i]! * left[i]!;
      this.#right[w] = (this.#right[w] ?? 0) + right[i]! * right[i]!;
      this.#count[w] = (this.#count[w] ?? 0) + 1;
    }
  }

  /** The channels' energy per window: index = floor(clip time / SIDE_WINDOW_SEC). */
  finish(): SideLevels {
    return { left: Array.from(this.#left, (v) => v ?? 0), right: Array.from(this.#right, (v) => v ?? 0), count: Array.from(this.#count, (v) => v ?? 0) };
  }
}

/** Sums of squares and sample counts per window, per channel. */
export interface SideLevels {
  left: number[];
  right: number[];
  count: number[];
}

/** Seconds either side of a moment whose voice counts: a pause between words still has its speaker's words around it. */
export const SIDE_SPAN_SEC = 1;

/** The side the voice comes from around clip time `t`, or undefined when it doesn't say. */
export function sideAt({ left, right, count }: SideLevels, t: number): Side | undefined {
  const from = Math.max(0, Math.floor((t - SIDE_SPAN_SEC) / SIDE_WINDOW_SEC));
  const to = Math.min(count.length - 1, Math.floor((t + SIDE_SPAN_SEC) / SIDE_WINDOW_SEC));
  let l = 0;
  let r = 0;
  let n = 0;
  for (let w = from; w <= to; w++) {
    l += left[w] ?? 0;
    r += right[w] ?? 0;
    n += count[w] ?? 0;
  }
  return sideOf(db(l, n), db(r, n));
}
