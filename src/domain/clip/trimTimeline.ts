/** What the trim timeline shows: the stretch around a clip, its product's events per second, the pauses. */
import type { TimeBase } from '../selection/analysis';
import { eventSeconds } from '../clicklog/resolve';
import { EVENT_KINDS, type EventTable } from '../clicklog/model';
import { weightOf, type Weights } from '../selection/model';
import type { Loudness, QuietRun } from '../recording/loudness';
import type { Range } from './trim';

/** Seconds shown on each side of the clip. */
export const TRIM_PAD_SEC = 30;

/** The clip and the selection's range, ± TRIM_PAD_SEC, inside the recording. */
export function trimWindow(clip: Range, auto: Range, durationSec: number): Range {
  return {
    start: Math.max(0, Math.min(clip.start, auto.start) - TRIM_PAD_SEC),
    end: Math.min(durationSec, Math.max(clip.end, auto.end) + TRIM_PAD_SEC),
  };
}

/**
 * Scored events (kinds with a weight above 0, as the selection counts them) of one product per
 * second of `span`: entry i counts [span.start + i, span.start + i + 1). One pass over the log,
 * no copy of its times: a 2-hour log holds a million events.
 */
export function eventsPerSecond(events: EventTable, productIndex: number, weights: Weights, timeBase: TimeBase, span: Range): Uint16Array {
  const out = new Uint16Array(Math.max(1, Math.ceil(span.end - span.start)));
  const scored = EVENT_KINDS.map((k) => weightOf(weights, k) > 0);
  for (let i = 0; i < events.time.length; i++) {
    if (events.product[i] !== productIndex || !scored[events.kind[i]!]) continue;
    const t = eventSeconds(events, i, timeBase.streamStartMs) - timeBase.offsetSec;
    if (!(t >= span.start && t < span.end)) continue;
    const bin = Math.floor(t - span.start);
    if (bin < out.length && out[bin]! < 0xffff) out[bin]!++;
  }
  return out;
}

/** The quiet runs that show inside `span`, cut to it. */
export function pausesIn(runs: readonly QuietRun[], span: Range): QuietRun[] {
  return runs.filter((r) => r.end > span.start && r.start < span.end).map((r) => ({ start: Math.max(r.start, span.start), end: Math.min(r.end, span.end) }));
}

/** Frame steps a filmstrip may use, in seconds: round, so its frames stay put (and cached) when the view moves. */
const FRAME_STEPS = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600];

/**
 * The times of a filmstrip's frames over `view`, with at most `cells` frames: one every `step`
 * seconds on the step's grid (the first may start before the view, its frame cut by the track).
 */
export function filmstripTimes(view: Range, cells: number): { step: number; times: number[] } {
  const span = view.end - view.start;
  // The tolerance: a view moved by a fraction of a second must not change the step by a rounding error.
  const step = FRAME_STEPS.find((s) => span / s <= Math.max(1, cells) + 1e-6) ?? FRAME_STEPS[FRAME_STEPS.length - 1]!;
  const times: number[] = [];
  for (let k = Math.floor(view.start / step); k * step < view.end; k++) times.push(Math.round(k * step * 1000) / 1000);
  return { step, times };
}

/** The waveform's floor: quieter than this draws nothing. */
export const WAVEFORM_FLOOR_DB = -60;

/**
 * The loudness over `view` as heights 0..1 (WAVEFORM_FLOOR_DB to 0 dBFS), one per envelope step,
 * the first starting at `from` (the step at or before the view's start).
 */
export function levelsIn(loudness: Loudness, view: Range): { from: number; step: number; levels: Float32Array } {
  const { stepSec, db } = loudness;
  const first = Math.max(0, Math.floor(view.start / stepSec));
  const last = Math.min(db.length, Math.ceil(view.end / stepSec));
  const levels = new Float32Array(Math.max(0, last - first));
  for (let i = 0; i < levels.length; i++) levels[i] = Math.min(1, Math.max(0, 1 - db[first + i]! / WAVEFORM_FLOOR_DB));
  return { from: first * stepSec, step: stepSec, levels };
}
