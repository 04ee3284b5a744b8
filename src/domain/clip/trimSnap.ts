/**
 * Where a dragged trim edge snaps (issue 20, point 3): to the host's pauses and, where the
 * recording is transcribed, to sentence ends, so a clip neither starts nor stops mid-word. Pure.
 */
import { PAUSE_MARGIN_SEC, type QuietRun } from '../recording/loudness';
import type { Edge, Range } from './trim';

export type SnapKind = 'pause' | 'sentence';

export interface SnapTarget {
  t: number;
  kind: SnapKind;
}

/** A transcribed stretch of speech: its times and what was said. */
export interface SaidSpan extends Range {
  text: string;
}

/** Kept around a sentence's words: the last word's decay, the first word's onset. */
export const SENTENCE_PAD_SEC = 0.15;

/** A sentence ends where the text does with . ! or ? (a closing quote or bracket may follow). */
const SENTENCE_END = /[.!?]["'”’)\]]*$/;

/** To the millisecond: what a trim stores. */
const ms = (t: number) => Math.round(t * 1000) / 1000;

/**
 * The times a `edge` may snap to, sorted. A pause offers the point PAUSE_MARGIN_SEC from speech
 * (its middle when shorter), on the speech's side: a start just before the host speaks, an end just
 * after they stop. A transcribed sentence offers its end (an end edge) or, where the one before it
 * ended a sentence, its start (a start edge), SENTENCE_PAD_SEC outside its words.
 */
export function snapTargets(edge: Edge, pauses: readonly QuietRun[], said: readonly SaidSpan[]): SnapTarget[] {
  const out: SnapTarget[] = pauses.map((r) => {
    const margin = Math.min(PAUSE_MARGIN_SEC, (r.end - r.start) / 2);
    return { t: ms(edge === 'start' ? r.end - margin : r.start + margin), kind: 'pause' };
  });
  const ordered = [...said].sort((a, b) => a.start - b.start);
  ordered.forEach((s, i) => {
    const ends = SENTENCE_END.test(s.text.trim());
    if (edge === 'end' && ends) out.push({ t: ms(s.end + SENTENCE_PAD_SEC), kind: 'sentence' });
    const before = ordered[i - 1];
    const opens = before === undefined || SENTENCE_END.test(before.text.trim());
    if (edge === 'start' && opens) out.push({ t: ms(Math.max(0, s.start - SENTENCE_PAD_SEC)), kind: 'sentence' });
  });
  return out.sort((a, b) => a.t - b.t);
}

/**
 * The target nearest `t` within `reachSec` and inside [lo, hi] (the edge's limits), or undefined.
 * On a tie a sentence wins: it is the surer boundary.
 */
export function snapEdge(t: number, targets: readonly SnapTarget[], reachSec: number, lo: number, hi: number): SnapTarget | undefined {
  let best: SnapTarget | undefined;
  let bestDist = Infinity;
  for (const target of targets) {
    if (target.t < lo || target.t > hi) continue;
    const dist = Math.abs(target.t - t);
    if (dist > reachSec) continue;
    if (dist < bestDist || (dist === bestDist && target.kind === 'sentence')) {
      best = target;
      bestDist = dist;
    }
  }
  return best;
}
