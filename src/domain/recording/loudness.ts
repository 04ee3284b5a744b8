/**
 * The recording's loudness envelope and the quiet moments in it, so clip edges can be moved off
 * the host's words. Pure: the envelope is measured by a media engine (media/ffmpeg/loudnessArgs.ts).
 */

/** RMS level per step: `db[i]` is the level of [i·stepSec, (i+1)·stepSec) in dBFS, ≥ SILENCE_DB. */
export interface Loudness {
  stepSec: number;
  db: Float32Array;
}

/** A quiet stretch of the recording, in seconds: [start, end). */
export interface QuietRun {
  start: number;
  end: number;
}

/** Level given to digital silence (ffmpeg's "-inf"), to missing audio, and the lowest level kept. */
export const SILENCE_DB = -120;
/** Steps at or below this are digital silence (or near it): they say nothing about the speech level. */
export const NEAR_SILENT_DB = -90;
/** The recording's speech level: this percentile of its non-silent steps ("loud speech"). */
export const SPEECH_PERCENTILE = 0.9;
/** Quiet means at least this far below the speech level… */
export const QUIET_BELOW_SPEECH_DB = 20;
/** …or at or below this absolute level, however quiet the speech. */
export const QUIET_FLOOR_DB = -45;
/** Shortest quiet run worth snapping to: shorter dips are gaps between words, not pauses. */
export const MIN_QUIET_SEC = 0.2;
/** A snap point keeps this far from speech: inside a pause up to twice as long, its middle. */
export const PAUSE_MARGIN_SEC = 0.5;
/** Sample rate the audio is resampled to before it is measured. */
export const LOUDNESS_RATE = 16000;
/** Default envelope resolution. */
export const LOUDNESS_STEP_SEC = 0.1;

export interface QuietOptions {
  /** Shortest run kept, in seconds (default MIN_QUIET_SEC). */
  minRunSec?: number;
  /** Levels at or below this are always quiet (default QUIET_FLOOR_DB). */
  floorDb?: number;
  /** Which percentile of the non-silent steps is the speech level, 0..1 (default SPEECH_PERCENTILE). */
  speechPercentile?: number;
  /** Levels this far below the speech level are quiet (default QUIET_BELOW_SPEECH_DB). */
  belowSpeechDb?: number;
}

/**
 * The level at or below which a step counts as quiet:
 *   max(floorDb, speech level − belowSpeechDb), speech level = 90th percentile of the non-silent steps.
 * Relative, so a loud host, a quiet phone mic or a music bed all move it with the recording.
 * A high percentile rather than the median: the median is whatever the recording mostly is, and a
 * host who talks less than half the time makes it the room noise or the music bed, so "median − 15 dB"
 * falls below the noise and no pause is found (the sample with pink noise at −40 dBFS: the median
 * rule covers 8 of its 28 pauses, at −35 dBFS none; this rule 25 of 28 in both). Loud speech is
 * there as long as the host talks a tenth of the time. The floor keeps pauses in a quietly
 * recorded stream (speech level below −25 dBFS) quiet even when they are less than 20 dB down.
 * With no non-silent step (digital silence throughout) only the floor applies.
 */
export function quietThreshold(l: Loudness, opts: QuietOptions = {}): number {
  const floorDb = opts.floorDb ?? QUIET_FLOOR_DB;
  const levels = l.db.filter((v) => v > NEAR_SILENT_DB).sort();
  if (levels.length === 0) return floorDb;
  const p = Math.min(1, Math.max(0, opts.speechPercentile ?? SPEECH_PERCENTILE));
  const speech = levels[Math.round(p * (levels.length - 1))]!;
  return Math.max(floorDb, speech - (opts.belowSpeechDb ?? QUIET_BELOW_SPEECH_DB));
}

/** Maximal runs of quiet steps lasting at least `minRunSec`, in time order, never overlapping. */
export function quietRuns(l: Loudness, opts: QuietOptions = {}): QuietRun[] {
  const { stepSec, db } = l;
  const minSteps = Math.max(1, Math.ceil((opts.minRunSec ?? MIN_QUIET_SEC) / stepSec - 1e-6));
  const threshold = quietThreshold(l, opts);
  const runs: QuietRun[] = [];
  let from = -1;
  for (let i = 0; i <= db.length; i++) {
    const quiet = i < db.length && db[i]! <= threshold;
    if (quiet && from < 0) from = i;
    else if (!quiet && from >= 0) {
      if (i - from >= minSteps) runs.push({ start: from * stepSec, end: i * stepSec });
      from = -1;
    }
  }
  return runs;
}

/**
 * Moves a clip boundary `t` into a pause, so the clip does not start or end mid-word.
 *
 * The boundary may move anywhere in the reach [max(lo, t − maxShiftSec), min(hi, t + maxShiftSec)].
 * The safe part of a run is what lies at least PAUSE_MARGIN_SEC from both its edges; for a run
 * up to twice that long, its middle. Each run whose safe part meets the reach offers the point
 * of that overlap nearest to `t` (for a short run: its middle; `t` itself if it is already deep
 * inside a long pause). Then:
 *  1. if `t` is inside a run that offers a point, that point (stay in the pause you are in);
 *  2. otherwise the offered point nearest to `t`; on a tie, the earlier run's.
 * Nothing offered (no run within reach, or lo > hi): `t` unchanged, snapped = false.
 *
 * `runs` must be sorted and non-overlapping (as quietRuns returns them); O(log n + runs in reach).
 */
export function snapToQuiet(t: number, runs: readonly QuietRun[], maxShiftSec: number, lo: number, hi: number): { t: number; snapped: boolean } {
  const reachLo = Math.max(lo, t - maxShiftSec);
  const reachHi = Math.min(hi, t + maxShiftSec);
  const none = { t, snapped: false };
  if (!(reachLo <= reachHi) || runs.length === 0) return none;
  // First run that ends at or after the reach starts (ends are sorted because runs do not overlap).
  let a = 0;
  let b = runs.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (runs[m]!.end < reachLo) a = m + 1;
    else b = m;
  }
  let best: number | null = null;
  let bestDist = Infinity;
  for (let i = a; i < runs.length; i++) {
    const r = runs[i]!;
    if (r.start > reachHi) break;
    const margin = Math.min(PAUSE_MARGIN_SEC, (r.end - r.start) / 2);
    const pLo = Math.max(reachLo, r.start + margin);
    const pHi = Math.min(reachHi, r.end - margin);
    if (pLo > pHi) continue;
    const p = Math.min(pHi, Math.max(pLo, t));
    if (r.start <= t && t <= r.end) return { t: p, snapped: true };
    const dist = Math.abs(p - t);
    if (dist < bestDist) {
      best = p;
      bestDist = dist;
    }
  }
  return best === null ? none : { t: best, snapped: true };
}
