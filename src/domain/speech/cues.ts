/**
 * Caption cues from transcribed speech segments: each segment's text cut into screen-sized cues
 * (at most two short lines, sentences kept apart), its words placed in its parts (the speech
 * between its pauses) and timed there by their syllables. Word timing within a cue is the caption
 * renderer's business.
 */
import { wrapLines, type Cue } from '../edit/captions';
import type { Span, SpeechSegment } from './segments';
import { syllables } from './syllables';
import { spokenForm, type Vocabulary } from './vocabulary';

/** Characters per caption line: about what fits the 9:16 caption box at the default size. */
export const CUE_LINE_CHARS = 28;
export const CUE_MAX_LINES = 2;

export interface TranscribedSegment extends SpeechSegment {
  text: string;
  /** Its syllables' loudness peaks (same clock), when the audio was measured (src/domain/speech/syllables.ts). */
  nuclei?: number[];
}

/** Sentences of `text` (split after . ! ? followed by a space), whitespace normalised. */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s !== '');
}

/** Joins the words of a name that must not be broken across lines or cues (not whitespace, one character wide like a space). */
const GLUE = '\uE000';

/**
 * The texts of the cues one segment's text becomes: each sentence in as few cues of ≤ maxLines
 * lines of ≤ lineChars as it needs (a longer word alone on its line), its words shared evenly
 * between them so no cue is left with a word or two. The names in `keep` (that fit a line) stay
 * whole on one line.
 */
export function cueTexts(text: string, lineChars = CUE_LINE_CHARS, maxLines = CUE_MAX_LINES, keep: readonly string[] = []): string[] {
  const out: string[] = [];
  const glued = keep.reduce((t, name) => (name.includes(' ') && name.length <= lineChars ? t.split(name).join(name.replaceAll(' ', GLUE)) : t), text);
  for (const sentence of sentences(glued)) {
    const lines = wrapLines(sentence, lineChars);
    const greedy: string[] = [];
    for (let i = 0; i < lines.length; i += maxLines) greedy.push(lines.slice(i, i + maxLines).join('\n'));
    const even = evenChunks(sentence.split(' '), greedy.length).map((words) => wrapLines(words.join(' '), lineChars));
    out.push(...(even.every((l) => l.length <= maxLines) ? even.map((l) => l.join('\n')) : greedy));
  }
  return out.map((t) => t.replaceAll(GLUE, ' '));
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

/**
 * A sentence's (a clause's) end this much farther, in seconds of speech, from a pause inside the
 * segment than another word boundary is still taken to fall in it. Measured on ten TTS streams
 * with the recogniser's own text (scripts/bench/captions.ts): lines within ±0.5 s of their words
 * 0.83 with 1 s, 0.86 with 2 s (and 3 s).
 */
const SENTENCE_END_PULL_SEC = 2;
const CLAUSE_END_PULL_SEC = 0.8;

/** Syllables of a written word as said ("$24.99": seven). */
const saidSyllables = (word: string) =>
  spokenForm(word)
    .split(' ')
    .reduce((n, w) => n + syllables(w), 0) || 1;

/** Whether `n` syllable peaks can stand for `syllables` syllables (a voice's peaks miss and split some). */
const peaksFit = (n: number, syllables: number) => n >= Math.max(2, syllables / 2) && n <= syllables * 2;

/**
 * Which words each part (speech between two pauses) holds: the index of each part's first word.
 * The words' syllables are lined up with the parts' syllable peaks (their speech time when the
 * peaks do not fit), and each pause goes at the word boundary that best matches it, a sentence's or
 * clause's end preferred by up to SENTENCE_END_PULL_SEC (CLAUSE_END_PULL_SEC) of speech. A recogniser
 * drops, adds and merges words; anchoring on the pauses keeps its errors inside one part.
 */
function firstWords(words: readonly string[], weights: readonly number[], parts: readonly Span[], partPeaks: readonly (readonly number[])[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const speechSec = parts.reduce((sum, p) => sum + (p.end - p.start), 0);
  const peaks = partPeaks.map((p) => p.length);
  const byPeaks = peaksFit(
    peaks.reduce((a, b) => a + b, 0),
    total,
  );
  const capacity = byPeaks ? peaks : parts.map((p) => p.end - p.start);

  const capTotal = capacity.reduce((a, b) => a + b, 0) || 1;
  // Fraction of the speech before each word boundary b (0..n), and before each part j.
  const before = [0];
  for (const w of weights) before.push(before[before.length - 1]! + w / total);
  const partBefore = [0];
  for (const c of capacity) partBefore.push(partBefore[partBefore.length - 1]! + c / capTotal);
  const bonus = (b: number) => {
    const w = words[b - 1] ?? '';
    return /[.!?]["')\]]*$/.test(w) ? SENTENCE_END_PULL_SEC : /[,;:]$/.test(w) ? CLAUSE_END_PULL_SEC : 0;
  };
  // cost[j][b]: the best placing of pauses 1..j with pause j after word b (monotonic).
  const n = words.length;
  let cost = Array.from({ length: n + 1 }, () => 0);
  const from: number[][] = [];
  for (let j = 1; j < parts.length; j++) {
    const next: number[] = [];
    const back: number[] = [];
    // The best placing of the pause before, strictly before word boundary b: only a part that
    // holds words earns its end's bonus (an empty part would count one sentence end twice).
    let best = Infinity;
    let arg = 0;
    for (let b = 0; b <= n; b++) {
      const moved = best - bonus(b);
      const [c, from_] = moved < cost[b]! ? [moved, arg] : [cost[b]!, b];
      next.push(c + Math.abs(before[b]! - partBefore[j]!) * speechSec);
      back.push(from_);
      if (cost[b]! < best) {
        best = cost[b]!;
        arg = b;
      }
    }
    cost = next;
    from.push(back);
  }
  const starts: number[] = [];
  let b = cost.indexOf(Math.min(...cost));
  for (let j = parts.length - 1; j >= 1; j--) {
    starts.unshift(b);
    b = from[j - 1]![b]!;
  }
  return [0, ...starts];
}

/**
 * Each word's [start, end] within its part: at the part's syllable peaks when they fit its words
 * (a break between the peaks of the syllables on either side), else shared by syllables.
 */
function wordTimes(
  weights: readonly number[],
  parts: readonly Span[],
  starts: readonly number[],
  partPeaks: readonly (readonly number[])[],
): Array<[number, number]> {
  const times: Array<[number, number]> = [];
  parts.forEach((p, j) => {
    const own = weights.slice(starts[j], starts[j + 1] ?? weights.length);
    const total = own.reduce((a, b) => a + b, 0);
    const peaks = partPeaks[j]!;
    const at = (syl: number) => {
      if (syl <= 0) return p.start;
      if (syl >= total) return p.end;
      if (!peaksFit(peaks.length, total)) return p.start + ((p.end - p.start) * syl) / total;
      const k = Math.min(peaks.length - 1, Math.max(1, Math.round((syl / total) * peaks.length)));
      return (peaks[k - 1]! + peaks[k]!) / 2;
    };
    let done = 0;
    for (const w of own) {
      times.push([at(done), at(done + w)]);
      done += w;
    }
  });
  return times;
}

/**
 * Cues for transcribed segments (times in the same clock as the segments), in order. A segment's
 * words are placed in its parts (firstWords) and timed there (wordTimes); each cue runs from its
 * first word's start to its last word's end, so a pause between parts shows no caption. Empty
 * texts give none. The product names of `vocab` (the texts are spelled with it) are not broken across lines.
 */
export function speechCues(segments: readonly TranscribedSegment[], vocab?: Vocabulary, lineChars = CUE_LINE_CHARS, maxLines = CUE_MAX_LINES): Cue[] {
  const keep = vocab?.phrases.map((p) => p.text);
  const cues: Cue[] = [];
  for (const seg of segments) {
    const texts = cueTexts(seg.text, lineChars, maxLines, keep);
    if (texts.length === 0) continue;
    const parts = seg.parts.length > 0 ? seg.parts : [{ start: seg.start, end: seg.end }];
    const words = texts.flatMap((t) => t.split(/\s+/));
    const weights = words.map(saidSyllables);
    // Each part's syllable peaks, once for both steps.
    const partPeaks = parts.map((p) => (seg.nuclei ?? []).filter((t) => t >= p.start && t < p.end));
    const times = wordTimes(weights, parts, firstWords(words, weights, parts, partPeaks), partPeaks);
    let w = 0;
    for (const text of texts) {
      const count = text.split(/\s+/).length;
      cues.push({ start: ms(times[w]![0]), end: ms(times[w + count - 1]![1]), text });
      w += count;
    }
  }
  return cues;
}
