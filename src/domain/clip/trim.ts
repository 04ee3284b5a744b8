/** Trimming a clip: the limits its range is held to (inside the recording, MIN_TRIM_SEC to MAX_CLIP_SEC long), and what the user is told when one holds. */
import { formatClock } from '../format';
import { MAX_CLIP_SEC } from '../selection/model';

/** A stretch of the recording, seconds. */
export interface Range {
  start: number;
  end: number;
}

/** Shortest trim, seconds (a recording shorter than this is the clip). */
export const MIN_TRIM_SEC = 1;
const EPS = 1e-6;
/** Two times the same within float noise. */
export const sameTime = (a: number, b: number) => Math.abs(a - b) < EPS;

/**
 * `range` moved into the limits: inside the recording, at most MAX_CLIP_SEC and at least
 * MIN_TRIM_SEC long. The start is kept where it can be; the end gives way first.
 */
export function limitRange({ start, end }: Range, durationSec: number): Range {
  const minLen = Math.min(MIN_TRIM_SEC, durationSec);
  const s = Math.min(Math.max(0, start), durationSec - minLen);
  return { start: s, end: Math.min(Math.max(end, s + minLen), s + MAX_CLIP_SEC, durationSec) };
}

export type Edge = 'start' | 'end';
export type Limit = 'recording' | 'max' | 'min';

/**
 * Where `edge` may go with the other edge where it is: [earliest, latest], and which limit holds
 * it on the far side (60 s, or the recording's own edge when that is nearer); on the near side
 * the minimum length holds it.
 */
export function edgeBounds(range: Range, edge: Edge, durationSec: number): { lo: number; hi: number; far: Limit } {
  const minLen = Math.min(MIN_TRIM_SEC, durationSec);
  if (edge === 'start') {
    const far = range.end - MAX_CLIP_SEC;
    return { lo: Math.max(0, far), hi: range.end - minLen, far: far >= 0 ? 'max' : 'recording' };
  }
  const far = range.start + MAX_CLIP_SEC;
  return { lo: range.start + minLen, hi: Math.min(durationSec, far), far: far <= durationSec ? 'max' : 'recording' };
}

/**
 * Moves one edge to `value`, held at the limits; says which limit held it. The other edge never
 * moves: a trim changes only what the user touched.
 */
export function setEdge(range: Range, edge: Edge, value: number, durationSec: number): { range: Range; limit?: Limit } {
  const { lo, hi, far } = edgeBounds(range, edge, durationSec);
  const held = Math.min(Math.max(value, lo), hi);
  const early = value < lo - EPS;
  const late = value > hi + EPS;
  const limit = (edge === 'start' ? early : late) ? far : early || late ? 'min' : undefined;
  const moved = edge === 'start' ? { start: held, end: range.end } : { start: range.start, end: held };
  return { range: moved, ...(limit && { limit }) };
}

/** What the user is told when a limit held an edge. */
export function limitMessage(edge: Edge, limit: Limit, range: Range, durationSec: number): string {
  const at = formatClock(range[edge]);
  if (limit === 'max') return `A clip is at most ${MAX_CLIP_SEC} s: the ${edge} is held at ${at}.`;
  if (limit === 'min') {
    const minLen = Math.min(MIN_TRIM_SEC, durationSec);
    return edge === 'start'
      ? `The start must be at least ${minLen} s before the end: it is held at ${at}.`
      : `The end must be at least ${minLen} s after the start: it is held at ${at}.`;
  }
  return edge === 'start'
    ? 'The clip cannot start before the recording: the start is held at 0:00.'
    : `The recording ends at ${formatClock(durationSec)}: the end is held there.`;
}
