/**
 * The whole recording cut into chunks for transcription, one after another (issue 19): each
 * chunk ends in a pause of the host's voice when the loudness envelope found one, so no word is
 * cut in two; without pauses (no envelope, or none in reach) at a fixed length, and then the
 * audio read for each side reaches past the cut so a word across it is heard whole by one of
 * them. Pure and deterministic: the same recording and pauses give the same chunks, so a resume
 * can trust an index.
 */
import type { QuietRun } from '../recording/loudness';
import type { Span } from './segments';
import type { TranscribedSegment } from './cues';

/** One chunk: the span it owns (chunks tile the recording), and the audio read for it. */
export interface Chunk extends Span {
  index: number;
  /** Audio to decode: the owned span, widened by the overlap at cuts not in a pause. */
  from: number;
  to: number;
}

export interface ChunkOptions {
  /** No chunk is shorter than this (s), except a recording shorter than it. */
  minSec: number;
  /** Nor longer than this. */
  maxSec: number;
  /** A cut with no pause in reach goes here, after the chunk's start (s). */
  fixedSec: number;
  /** Audio read past a cut that is not in a pause, on both sides (s). */
  overlapSec: number;
  /** Pauses shorter than this are gaps between words, not places to cut (s). */
  minPauseSec: number;
}

export const CHUNK_OPTIONS: ChunkOptions = { minSec: 20, maxSec: 60, fixedSec: 30, overlapSec: 1, minPauseSec: 0.3 };

/** Where the next cut after `start` goes: the middle of the longest pause in reach (earliest on a tie), or a fixed length. */
function nextCut(start: number, durationSec: number, pauses: readonly QuietRun[], o: ChunkOptions): { at: number; inPause: boolean } {
  const lo = start + o.minSec;
  // Never leave a last chunk shorter than the minimum.
  const hi = Math.min(start + o.maxSec, durationSec - o.minSec);
  let best: QuietRun | undefined;
  for (const p of pauses) {
    const mid = (p.start + p.end) / 2;
    if (mid < lo) continue;
    if (mid > hi) break;
    if (p.end - p.start >= o.minPauseSec && (!best || p.end - p.start > best.end - best.start)) best = p;
  }
  if (best) return { at: round((best.start + best.end) / 2), inPause: true };
  return { at: round(Math.min(start + o.fixedSec, Math.max(lo, hi))), inPause: false };
}

const round = (t: number) => Math.round(t * 1000) / 1000;

/**
 * Chunks covering [0, durationSec] without gap or overlap in what they own. `pauses` sorted and
 * non-overlapping (as quietRuns gives them), or empty when the recording's loudness is not known.
 */
export function planChunks(durationSec: number, pauses: readonly QuietRun[] = [], options: Partial<ChunkOptions> = {}): Chunk[] {
  const o = { ...CHUNK_OPTIONS, ...options };
  if (!(durationSec > 0)) return [];
  const cuts: Array<{ at: number; inPause: boolean }> = [{ at: 0, inPause: true }];
  for (let start = 0; durationSec - start > o.maxSec; ) {
    const cut = nextCut(start, durationSec, pauses, o);
    cuts.push(cut);
    start = cut.at;
  }
  cuts.push({ at: durationSec, inPause: true });
  const chunks: Chunk[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    chunks.push({
      index: i,
      start: a.at,
      end: b.at,
      from: a.inPause ? a.at : Math.max(0, round(a.at - o.overlapSec)),
      to: b.inPause ? b.at : Math.min(durationSec, round(b.at + o.overlapSec)),
    });
  }
  return chunks;
}

/**
 * The segments of a chunk's audio (recording time) that belong to it: those whose middle lies in
 * the span it owns. Across a fixed cut both chunks hear the words near it; each keeps its own, so
 * none is lost and none is written twice.
 */
export function ownSegments(chunk: Span, segments: readonly TranscribedSegment[]): TranscribedSegment[] {
  return segments.filter((s) => {
    const mid = (s.start + s.end) / 2;
    return mid >= chunk.start && mid < chunk.end;
  });
}

/** The first chunk not done: everything before it is stored (a resume starts here). */
export function firstNotDone(count: number, done: ReadonlySet<number>): number {
  let i = 0;
  while (i < count && done.has(i)) i++;
  return i;
}
