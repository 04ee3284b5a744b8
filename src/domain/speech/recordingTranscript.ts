/**
 * The recording's own transcript, made on the device chunk by chunk (issue 19): what is done, and
 * a clip's caption lines taken from it instead of recognising the clip's speech again. Pure.
 */
import type { Cue } from '../edit/captions';
import type { Chunk } from './chunks';
import { speechCues, type TranscribedSegment } from './cues';
import type { Span } from './segments';

/** A finished chunk as stored: its owned span and its segments (recording time). */
export interface ChunkText extends Span {
  index: number;
  segments: TranscribedSegment[];
}

/** How far a transcript is: chunks done of the plan, seconds covered, words heard. */
export interface TranscriptProgress {
  chunks: number;
  done: number;
  coveredSec: number;
  durationSec: number;
  words: number;
  /** Where the next run starts: the first chunk not done (the duration when all are). */
  resumeAtSec: number;
}

export const wordCount = (segments: readonly TranscribedSegment[]): number =>
  segments.reduce((n, s) => n + s.text.split(/\s+/).filter((w) => w !== '').length, 0);

/** True when every chunk the range touches is done: the transcript can stand for the range. */
export function coversRange(plan: readonly Chunk[], done: ReadonlySet<number>, range: Span): boolean {
  if (plan.length === 0 || range.end <= range.start) return false;
  const touched = plan.filter((c) => c.end > range.start && c.start < range.end);
  return touched.length > 0 && touched.every((c) => done.has(c.index)) && touched[0]!.start <= range.start + 1e-6;
}

/**
 * The caption lines of a range (a clip) from the transcript's chunks: the segments whose middle
 * lies in the range, shifted to the range's time and kept inside it, made into cues as a clip's
 * own transcription is (src/domain/speech/cues.ts).
 */
export function rangeCues(chunks: readonly ChunkText[], range: Span): Cue[] {
  const len = range.end - range.start;
  const clamp = (t: number) => Math.min(len, Math.max(0, t - range.start));
  const inside: TranscribedSegment[] = [];
  for (const chunk of [...chunks].sort((a, b) => a.start - b.start)) {
    for (const s of chunk.segments) {
      const mid = (s.start + s.end) / 2;
      if (mid < range.start || mid >= range.end || s.text.trim() === '') continue;
      const parts = s.parts.map((p) => ({ start: clamp(p.start), end: clamp(p.end) })).filter((p) => p.end > p.start);
      inside.push({ start: clamp(s.start), end: clamp(s.end), parts, text: s.text });
    }
  }
  return speechCues(inside);
}
