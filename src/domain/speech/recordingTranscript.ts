/**
 * The recording's own transcript, made on the device chunk by chunk (issue 19): what is done, and
 * a clip's caption lines taken from it instead of recognising the clip's speech again. Pure.
 */
import type { Cue } from '../edit/captions';
import type { Chunk } from './chunks';
import { speechCues, type TranscribedSegment } from './cues';
import type { Span } from './segments';
import { spellWithVocabulary, type Vocabulary } from './vocabulary';

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
 * The caption lines of a range (a clip) from the transcript's chunks: the utterances around the
 * range made into cues as a clip's own transcription is (src/domain/speech/cues.ts), then the cues
 * whose middle lies in the range, in the range's time and kept inside it. Cues, not utterances:
 * an utterance can run 20 s, a cue is two short lines, so a clip's edges cut less. Spelled with
 * `vocab` utterance by utterance, before they are cut into lines, so a name is never split.
 */
export function rangeCues(chunks: readonly ChunkText[], range: Span, vocab?: Vocabulary): Cue[] {
  const len = range.end - range.start;
  const clamp = (t: number) => Math.round(Math.min(len, Math.max(0, t - range.start)) * 1000) / 1000;
  const around = [...chunks]
    .sort((a, b) => a.start - b.start)
    .flatMap((c) => c.segments)
    .filter((s) => s.end > range.start && s.start < range.end && s.text.trim() !== '')
    .map((s) => (vocab ? { ...s, text: spellWithVocabulary(s.text, vocab) } : s));
  return speechCues(around, vocab)
    .filter((c) => {
      const mid = (c.start + c.end) / 2;
      return mid >= range.start && mid < range.end;
    })
    .map((c) => ({ ...c, start: clamp(c.start), end: clamp(c.end) }));
}
