/**
 * Caption cues from transcribed speech segments: each segment's text cut into screen-sized cues
 * (at most two short lines, sentences kept apart), the segment's speech time spread over its
 * cues by character count. Word timing within a cue is the caption renderer's business.
 */
import { graphemes, wrapLines, type Cue } from '../edit/captions';
import type { Span, SpeechSegment } from './segments';
import { syllables } from './syllables';

/** Characters per caption line: about what fits the 9:16 caption box at the default size. */
export const CUE_LINE_CHARS = 28;
export const CUE_MAX_LINES = 2;

export interface TranscribedSegment extends SpeechSegment {
  text: string;
  /** Its syllables' loudness peaks (same clock), when the audio was measured (src/domain/speech/syllables.ts). */
  nuclei?: number[];
}

/** Sentences of `text` (split after . ! ? followed by a space), whitespace normalised. */
function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s !== '');
}

/**
 * The texts of the cues one segment's text becomes: each sentence in as few cues of ≤ maxLines
 * lines of ≤ lineChars as it needs (a longer word alone on its line), its words shared evenly
 * between them so no cue is left with a word or two.
 */
export function cueTexts(text: string, lineChars = CUE_LINE_CHARS, maxLines = CUE_MAX_LINES): string[] {
  const out: string[] = [];
  for (const sentence of sentences(text)) {
    const lines = wrapLines(sentence, lineChars);
    const greedy: string[] = [];
    for (let i = 0; i < lines.length; i += maxLines) greedy.push(lines.slice(i, i + maxLines).join('\n'));
    const even = evenChunks(sentence.split(' '), greedy.length).map((words) => wrapLines(words.join(' '), lineChars));
    out.push(...(even.every((l) => l.length <= maxLines) ? even.map((l) => l.join('\n')) : greedy));
  }
  return out;
}

/** `words` in `n` runs of about equal length (characters), in order. */
function evenChunks(words: string[], n: number): string[][] {
  const total = words.join(' ').length;
  const chunks: string[][] = [[]];
  let len = 0;
  for (const w of words) {
    const current = chunks[chunks.length - 1]!;
    // Start the next run when this word ends nearer the next share's end than the current one does.
    const target = (total * chunks.length) / n;
    if (current.length > 0 && chunks.length < n && Math.abs(len + 1 + w.length - target) > Math.abs(len - target)) chunks.push([w]);
    else current.push(w);
    len += (len > 0 ? 1 : 0) + w.length;
  }
  return chunks;
}

const ms = (t: number) => Math.round(t * 1000) / 1000;

/** A cue boundary this close (in seconds of speech) to a pause inside the segment moves into that pause; farther for a sentence's end. */
export const SNAP_TO_PAUSE_SEC = 0.4;
export const SNAP_SENTENCE_SEC = 1;

/**
 * Where a cue boundary `at` seconds into the segment's speech falls: [end of the cue before, start
 * of the cue after]. Inside a part both are that moment; within `snapSec` of a pause (and not the
 * pause the previous boundary took: `taken`) they are its two edges, so the pause shows no caption.
 */
function boundary(parts: readonly Span[], at: number, taken: number, snapSec: number): { times: [number, number]; junction: number } {
  let done = 0;
  for (const [k, p] of parts.entries()) {
    const len = p.end - p.start;
    const next = parts[k + 1];
    if (next && k !== taken && Math.abs(at - (done + len)) <= snapSec) return { times: [p.end, next.start], junction: k };
    if (at <= done + len || !next) {
      const t = p.start + Math.min(len, Math.max(0, at - done));
      return { times: [t, t], junction: -1 };
    }
    done += len;
  }
  return { times: [0, 0], junction: -1 };
}

/** Seconds of speech (the parts, not the pauses between them) before time `t`. */
function speechBefore(parts: readonly Span[], t: number): number {
  let done = 0;
  for (const p of parts) {
    if (t <= p.start) return done;
    if (t < p.end) return done + (t - p.start);
    done += p.end - p.start;
  }
  return done;
}

/**
 * Where the break after cue `i` falls, in seconds of speech, from the audio: between the loudness
 * peaks of the last syllable before it and the first after it. Undefined when the peaks found do
 * not match the words' syllables well enough to trust (under half or over twice as many).
 */
function syllableTimer(texts: readonly string[], nuclei: readonly number[] | undefined, parts: readonly Span[]): ((i: number) => number) | undefined {
  if (!nuclei || nuclei.length < 2) return undefined;
  const counts = texts.map((t) => t.split(/\s+/).reduce((n, w) => n + syllables(w), 0));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0 || nuclei.length < total / 2 || nuclei.length > total * 2) return undefined;
  return (i) => {
    const before = counts.slice(0, i + 1).reduce((a, b) => a + b, 0);
    const k = Math.min(nuclei.length - 1, Math.max(1, Math.round((before / total) * nuclei.length)));
    return speechBefore(parts, (nuclei[k - 1]! + nuclei[k]!) / 2);
  };
}

/**
 * Cues for transcribed segments (times in the same clock as the segments), in order. A segment's
 * cues share its speech (its parts, not the pauses between them): at its syllables' loudness
 * peaks when they were measured and match the words, else in proportion to their characters;
 * from the first part's start to the last part's end; empty texts give none.
 */
export function speechCues(segments: readonly TranscribedSegment[], lineChars = CUE_LINE_CHARS, maxLines = CUE_MAX_LINES): Cue[] {
  const cues: Cue[] = [];
  for (const seg of segments) {
    const texts = cueTexts(seg.text, lineChars, maxLines);
    const parts = seg.parts.length > 0 ? seg.parts : [{ start: seg.start, end: seg.end }];
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const speechSec = parts.reduce((sum, p) => sum + (p.end - p.start), 0);
    const weights = texts.map((t) => graphemes(t.replace(/\n/g, ' ')).length);
    const total = weights.reduce((a, b) => a + b, 0);
    const byAudio = syllableTimer(texts, seg.nuclei, parts);
    let start = first.start;
    let chars = 0;
    let taken = -1;
    for (const [i, text] of texts.entries()) {
      chars += weights[i]!;
      if (i === texts.length - 1) {
        cues.push({ start: ms(start), end: ms(last.end), text });
        break;
      }
      const at = byAudio?.(i) ?? (speechSec * chars) / total;
      const b = boundary(parts, at, taken, /[.!?]$/.test(text) ? SNAP_SENTENCE_SEC : SNAP_TO_PAUSE_SEC);
      taken = b.junction;
      cues.push({ start: ms(start), end: ms(b.times[0]), text });
      start = b.times[1];
    }
  }
  return cues;
}
