/** What the trim timeline shows: the stretch around a clip, its product's events per second, the pauses. */
import type { TimeBase } from '../selection/analysis';
import { eventSeconds } from '../clicklog/resolve';
import { EVENT_KINDS, type EventTable } from '../clicklog/model';
import { weightOf, type Weights } from '../selection/model';
import type { QuietRun } from '../recording/loudness';
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
