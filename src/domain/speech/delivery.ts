/**
 * How the host says it (issue 19 item 4): the utterances spoken faster and louder than this host
 * usually speaks. A host talks up the moment that sells ("only today, grab it now!") and drifts
 * through filler, so a lively utterance is a weak sign of a moment inside a product's window.
 * Measured against the host's own pace and level in the same recording, robustly (median and
 * median absolute deviation), so a fast talker or a loud mic is not lively throughout.
 * Pure: the transcript's utterances and the recording's loudness envelope in.
 */
import { NEAR_SILENT_DB, type Loudness } from '../recording/loudness';
import type { Span } from './segments';

/** An utterance as the transcript keeps it: its span and text, and the speech inside it when known. */
export interface Utterance extends Span {
  text: string;
  parts?: readonly Span[];
}

/** Utterances with less speech than this say little about pace (a "yes!", a name read out). */
export const MIN_SPEECH_SEC = 2;
/** Fewer measured utterances than this: no usual pace to stand out from. */
export const MIN_UTTERANCES = 8;
/** Lively: this many deviations above the host's usual pace and level, summed, with both above usual. */
export const LIVELY_SCORE = 2;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Deviations from the median in units of the scaled MAD (≈ the standard deviation for normal
 * data), never finer than `minSpread`: a steady voice (a synthetic one, a host reading a script)
 * has almost no spread, and a hair faster would count as lively.
 */
function zScores(xs: readonly number[], minSpread: (median: number) => number): number[] {
  const m = median(xs);
  const spread = Math.max(1.4826 * median(xs.map((x) => Math.abs(x - m))), minSpread(m), 1e-9);
  return xs.map((x) => (x - m) / spread);
}
/** Pace deviations are counted in at least a tenth of the usual pace… */
const PACE_SPREAD = (usual: number) => 0.1 * usual;
/** …and level deviations in at least 1.5 dB. */
const LEVEL_SPREAD = () => 1.5;

const speechOf = (u: Utterance): readonly Span[] => (u.parts && u.parts.length > 0 ? u.parts : [u]);
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Mean level of the envelope's audible steps inside `spans`, in dB (NaN: none measured). */
function levelOf(spans: readonly Span[], l: Loudness): number {
  let sum = 0;
  let n = 0;
  for (const s of spans)
    for (let i = Math.max(0, Math.floor(s.start / l.stepSec)); i < Math.min(l.db.length, Math.ceil(s.end / l.stepSec)); i++) {
      const db = l.db[i]!;
      if (db > NEAR_SILENT_DB) {
        sum += db;
        n++;
      }
    }
  return n > 0 ? sum / n : Number.NaN;
}

/**
 * Start times of the utterances said faster (words per second of speech) and louder (mean level
 * of their speech) than the host's usual: z(pace) + z(level) ≥ LIVELY_SCORE with both above the
 * median. None until the loudness is measured (a fast utterance alone may be a read-out list),
 * or when fewer than MIN_UTTERANCES utterances hold MIN_SPEECH_SEC of speech.
 */
export function livelyStarts(utterances: readonly Utterance[], loudness: Loudness | undefined): number[] {
  if (!loudness) return [];
  const measured = utterances.flatMap((u) => {
    const spans = speechOf(u);
    const sec = spans.reduce((t, s) => t + Math.max(0, s.end - s.start), 0);
    const level = sec >= MIN_SPEECH_SEC ? levelOf(spans, loudness) : Number.NaN;
    return Number.isNaN(level) ? [] : [{ start: u.start, pace: words(u.text) / sec, level }];
  });
  if (measured.length < MIN_UTTERANCES) return [];
  const pace = zScores(
    measured.map((m) => m.pace),
    PACE_SPREAD,
  );
  const level = zScores(
    measured.map((m) => m.level),
    LEVEL_SPREAD,
  );
  return measured.filter((_, i) => pace[i]! > 0 && level[i]! > 0 && pace[i]! + level[i]! >= LIVELY_SCORE).map((m) => m.start);
}
