/**
 * Scores caption lines against what was said (voiceStream.ts's truth): the lines' words are lined
 * up with the spoken words (word-level edit distance), so each line has its own words and their
 * times. A line is on time when it starts and ends within ±0.5 s of its own words; a product name
 * (price) counts as spelled when the lines holding that sentence's words contain it exactly as the
 * product list writes it. The word error rate over the clip shows what a nudge towards names costs
 * ordinary words.
 */
import type { Cue } from '../../../src/domain/edit/captions';
import { editDistance, werWords } from '../../../src/domain/speech/wer';
import type { TruthSentence, TruthWord } from './voiceStream';

export const LINE_TOLERANCE_SEC = 0.5;

export interface CaptionScore {
  namesSaid: number;
  namesSpelled: number;
  pricesSaid: number;
  pricesRight: number;
  lines: number;
  linesOnTime: number;
  /** Words said inside the clip, and the word edits between them and the lines (numbers as said count against figures). */
  wordsSaid: number;
  wordErrors: number;
  /** The lines that were not, with how far off they were. */
  late: Array<{ text: string; startOff: number; endOff: number }>;
  /** Names and prices not written as listed: what should have been, and the lines written. */
  missed: Array<{ want: string; got: string }>;
}

interface Token {
  text: string;
  /** Index of its word (truth) or line (cue). */
  of: number;
}

/** Pairs of (spoken token, line token) indexes that an optimal word alignment lines up (matches and substitutions). */
function align(said: Token[], heard: Token[]): Array<[number, number]> {
  const n = said.length;
  const m = heard.length;
  const d = Array.from({ length: n + 1 }, (_, i) => Int32Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const same = said[i - 1]!.text === heard[j - 1]!.text ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + same);
    }
  const pairs: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const same = said[i - 1]!.text === heard[j - 1]!.text ? 0 : 1;
    if (d[i]![j] === d[i - 1]![j - 1]! + same) pairs.push([--i, --j]);
    else if (d[i]![j] === d[i - 1]![j]! + 1) i--;
    else j--;
  }
  return pairs.reverse();
}

/** `cues` in recording time; only sentences wholly inside [from, to) count for names and prices. */
export function scoreCaptions(cues: readonly Cue[], sentences: readonly TruthSentence[], from: number, to: number): CaptionScore {
  const words: Array<TruthWord & { sentence: number }> = sentences.flatMap((s, k) => s.words.map((w) => ({ ...w, sentence: k })));
  const said = words.flatMap((w, i) => werWords(w.word).map((text) => ({ text, of: i })));
  const heard = cues.flatMap((c, i) => werWords(c.text).map((text) => ({ text, of: i })));
  const wordsOfLine = cues.map((): number[] => []);
  const linesOfSentence = sentences.map(() => new Set<number>());
  for (const [i, j] of align(said, heard)) {
    const w = said[i]!.of;
    const line = heard[j]!.of;
    wordsOfLine[line]!.push(w);
    linesOfSentence[words[w]!.sentence]!.add(line);
  }
  const inClip = words.flatMap((w) => (w.start >= from && w.end <= to ? werWords(w.word) : []));
  const score: CaptionScore = {
    namesSaid: 0,
    namesSpelled: 0,
    pricesSaid: 0,
    pricesRight: 0,
    lines: cues.length,
    linesOnTime: 0,
    wordsSaid: inClip.length,
    wordErrors: editDistance(
      inClip,
      heard.map((h) => h.text),
    ),
    late: [],
    missed: [],
  };
  cues.forEach((c, i) => {
    const own = wordsOfLine[i]!.map((w) => words[w]!);
    const startOff = own.length ? c.start - Math.min(...own.map((w) => w.start)) : Number.NaN;
    const endOff = own.length ? c.end - Math.max(...own.map((w) => w.end)) : Number.NaN;
    if (Math.abs(startOff) <= LINE_TOLERANCE_SEC && Math.abs(endOff) <= LINE_TOLERANCE_SEC) score.linesOnTime++;
    else score.late.push({ text: c.text.replace(/\n/g, ' '), startOff: Math.round(startOff * 100) / 100, endOff: Math.round(endOff * 100) / 100 });
  });
  sentences.forEach((s, k) => {
    if (s.start < from || s.end > to) return;
    const text = [...linesOfSentence[k]!]
      .sort((a, b) => a - b)
      .map((i) => cues[i]!.text.replace(/\n/g, ' '))
      .join(' ');
    if (s.name) {
      score.namesSaid++;
      if (text.includes(s.name)) score.namesSpelled++;
      else score.missed.push({ want: s.name, got: text });
    }
    if (s.price) {
      score.pricesSaid++;
      if (text.includes(s.price)) score.pricesRight++;
      else score.missed.push({ want: s.price, got: text });
    }
  });
  return score;
}
