/**
 * The loudness envelope measured from decoded audio, as ffmpeg's astats measures it
 * (media/ffmpeg/loudnessArgs.ts): the RMS level of the channels downmixed per step, in dBFS, with
 * digital silence at SILENCE_DB and a step without audio taking the previous step's level.
 * Fed chunk by chunk, so a 3-hour recording is never held whole.
 */
import { type Loudness, SILENCE_DB } from './loudness';

export class LoudnessMeter {
  #sums: number[] = [];
  #counts: number[] = [];

  constructor(readonly stepSec: number) {
    if (!(stepSec > 0)) throw new RangeError(`stepSec must be > 0, got ${stepSec}`);
  }

  /** One decoded chunk: its channels (planar, same length), its start time and sample rate. */
  add(channels: readonly Float32Array[], startSec: number, sampleRate: number): void {
    const frames = channels[0]?.length ?? 0;
    // ffmpeg's downmix to mono (swresample): each channel times √(1/n), so a stereo voice in both
    // channels measures 3 dB above either one. The pause thresholds were set on its levels.
    const k = Math.sqrt(1 / channels.length);
    const perStep = this.stepSec * sampleRate;
    // Encoder priming (a small negative start) belongs to the first step.
    const first = Math.max(0, startSec) * sampleRate;
    for (let i = 0; i < frames; ) {
      const step = Math.floor((first + i) / perStep + 1e-9);
      const stop = Math.min(frames, Math.ceil((step + 1) * perStep - first));
      let sum = 0;
      for (let j = i; j < stop; j++) {
        let v = 0;
        for (const c of channels) v += c[j]!;
        v *= k;
        sum += v * v;
      }
      this.#sums[step] = (this.#sums[step] ?? 0) + sum;
      this.#counts[step] = (this.#counts[step] ?? 0) + (stop - i);
      i = Math.max(stop, i + 1);
    }
  }

  finish(): Loudness {
    const db = new Float32Array(this.#counts.length);
    let last = SILENCE_DB;
    for (let i = 0; i < db.length; i++) {
      const count = this.#counts[i];
      if (count) {
        const mean = (this.#sums[i] ?? 0) / count;
        last = mean > 0 ? Math.max(SILENCE_DB, 10 * Math.log10(mean)) : SILENCE_DB;
      }
      db[i] = last;
    }
    return { stepSec: this.stepSec, db };
  }
}
