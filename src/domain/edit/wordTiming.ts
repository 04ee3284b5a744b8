/**
 * Word timing inside a caption cue. Cues (imported SRT, transcribed speech segments, product
 * captions) only say when a line starts and ends; the word-by-word highlight needs each word's
 * moment. Speech takes about the same time per syllable, so the cue's span is shared out by
 * syllable count; words without Latin letters (numbers, CJK) count their characters instead.
 */
import { graphemes, type Cue } from './captions';

export interface TimedWord {
  text: string;
  /** Where the word starts in the cue's text (UTF-16 offset): the highlight colours it there. */
  index: number;
  /** Seconds, same time base as the cue; the words tile the cue without gaps. */
  start: number;
  end: number;
}

/** Estimated syllables of one word: vowel groups, less a silent final "e"; at least 1. */
export function syllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^\p{L}]/gu, '');
  const latin = letters
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
  if (latin === '') return Math.max(1, graphemes(word.replace(/[^\p{L}\p{N}]/gu, '')).length);
  const groups = latin.match(/[aeiouy]+/g)?.length ?? 0;
  // "make", "store": the final e is silent; "table", "free", "the", "café" keep theirs.
  const silentE = groups > 1 && /[^aeiouy]e$/.test(letters) && !/[^aeiouy]le$/.test(letters);
  return Math.max(1, groups - (silentE ? 1 : 0));
}

const ms = (t: number) => Math.round(t * 1000) / 1000;

/** The cue's words (split at whitespace, line breaks included) with their share of its time. */
export function wordTimes(cue: Cue): TimedWord[] {
  const words = Array.from(cue.text.matchAll(/\S+/g), (m) => ({ text: m[0], index: m.index }));
  const weights = words.map((w) => syllables(w.text));
  const total = weights.reduce((a, b) => a + b, 0);
  const span = cue.end - cue.start;
  let done = 0;
  return words.map((w, i) => {
    const start = ms(cue.start + (span * done) / total);
    done += weights[i] ?? 0;
    const end = i === words.length - 1 ? cue.end : ms(cue.start + (span * done) / total);
    return { ...w, start, end };
  });
}

/** The word spoken at time t (the first before the cue, the last after it); -1 without words. */
export function wordIndexAt(words: readonly TimedWord[], t: number): number {
  if (words.length === 0) return -1;
  const i = words.findIndex((w) => t < w.end);
  return i === -1 ? words.length - 1 : i;
}
