/**
 * Word timing from the audio (issue 19 item 6): a voice's loudness peaks once per syllable (its
 * vowel), so the syllables of the words before a caption break say which peak the break follows.
 * Characters say it badly: "strength" is one syllable of eight letters, "idea" three of four. Pure.
 */
import { pcmLoudness, type Span } from './segments';

/** Syllables of a written word, from its vowel groups (a silent final "e" dropped); a number counts about 1.5 per digit. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (w === '') return 0;
  const digits = w.replace(/\D/g, '').length;
  if (digits > 0) return Math.max(1, Math.round(digits * 1.5));
  let n = (w.match(/[aeiouyàâäéèêëïîôöùûü]+/g) ?? []).length;
  if (n > 1 && /[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) n--;
  return Math.max(1, n);
}

/** Loudness resolution for finding syllables (s). */
const STEP_SEC = 0.01;
/** A peak must stand this far (dB) above the dips on both sides of it… */
const PROMINENCE_DB = 3;
/** …be within this of the part's loudest moment… */
const RANGE_DB = 25;
/** …and this far from the previous peak (s): syllables come at most about 12 a second. */
const MIN_GAP_SEC = 0.08;

/** `values` averaged over ±`half` steps. */
function smoothed(values: Float32Array, half: number): Float32Array {
  return values.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let k = Math.max(0, i - half); k <= Math.min(values.length - 1, i + half); k++, n++) sum += values[k]!;
    return sum / n;
  });
}

/**
 * Indices of the peaks of `level` at or above `floor` that rise PROMINENCE_DB above the dip
 * before them and fall as much after (hysteresis); a peak still rising at the end counts.
 */
function prominentPeaks(level: Float32Array, floor: number): number[] {
  const out: number[] = [];
  let valley = Number.POSITIVE_INFINITY;
  let peak = -1;
  for (let i = 0; i < level.length; i++) {
    const v = level[i]!;
    if (peak < 0) {
      valley = Math.min(valley, v);
      if (v >= valley + PROMINENCE_DB && v >= floor) peak = i;
    } else if (v > level[peak]!) peak = i;
    else if (v <= level[peak]! - PROMINENCE_DB) {
      out.push(peak);
      peak = -1;
      valley = v;
    }
  }
  if (peak >= 0) out.push(peak);
  return out;
}

/**
 * Times of the syllable nuclei (loudness peaks) inside `parts` of 16 kHz mono `pcm`, in the
 * audio's time: the 10 ms loudness, smoothed over 50 ms, its peaks that rise and fall by 3 dB,
 * at least 80 ms apart.
 */
export function syllableNuclei(pcm: Float32Array, rate: number, parts: readonly Span[]): number[] {
  const out: number[] = [];
  for (const part of parts) {
    const from = Math.max(0, Math.round(part.start * rate));
    const to = Math.min(pcm.length, Math.round(part.end * rate));
    if (to - from < rate * STEP_SEC * 3) continue;
    const level = smoothed(pcmLoudness(pcm.subarray(from, to), rate, STEP_SEC).db, 2);
    for (const i of prominentPeaks(level, Math.max(...level) - RANGE_DB)) {
      const t = part.start + (i + 0.5) * STEP_SEC;
      if (out.length === 0 || t - out[out.length - 1]! >= MIN_GAP_SEC) out.push(t);
    }
  }
  return out;
}
