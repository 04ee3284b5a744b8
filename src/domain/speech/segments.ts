/**
 * Speech segments for a speech model: cut at pauses, merged and split to the short utterances
 * such models are trained on (about 1–20 s), silence dropped. Pure: it reads 16 kHz mono PCM and
 * finds pauses with the pause detector clip edges snap to (src/domain/recording/loudness.ts) and,
 * when given, a speech detector's probabilities (music and noise are not speech).
 */
import { quietRuns, SILENCE_DB, type Loudness } from '../recording/loudness';

/** [start, end) in seconds from the start of the audio. */
export interface Span {
  start: number;
  end: number;
}

/** One utterance for the model: padded at both ends, and the speech inside it (the pauses it spans are not speech). */
export interface SpeechSegment extends Span {
  parts: Span[];
}

export interface SegmentOptions {
  /** Envelope resolution (s). */
  stepSec: number;
  /** A quiet stretch this long is a pause between utterances; shorter ones are gaps between words. */
  minPauseSec: number;
  /** Speech shorter than this is merged into a neighbour (or dropped when alone: a click, a breath). */
  minSpeechSec: number;
  /** Longer speech is cut at its quietest moment (the model degrades on long inputs). */
  maxSec: number;
  /** Neighbours closer than this are joined while the result stays within targetSec (context helps the model). */
  joinGapSec: number;
  targetSec: number;
  /** Kept around each utterance so word onsets and endings are not clipped. */
  padSec: number;
}

export const SEGMENT_DEFAULTS: SegmentOptions = {
  stepSec: 0.05,
  minPauseSec: 0.3,
  minSpeechSec: 0.25,
  maxSec: 20,
  // Measured with Moonshine tiny on the bundled sample (whole 3 min): joining across gaps up to
  // 0.6 s into ≤ 8 s gave WER 0.35, up to 1.6 s 0.28–0.31, up to 2 s 0.26; padding 0.3 s rather
  // than 0.15 s ~0.03 better. Four flite voices reading sentences 1.2 s apart: 0.02–0.2 cut at
  // every pause, 0.05–0.11 joined up to 2 s.
  joinGapSec: 2,
  targetSec: 15,
  padSec: 0.3,
};

/** RMS level per `stepSec` of mono PCM, in dBFS (≥ SILENCE_DB): the same envelope ffmpeg's astats measures. */
export function pcmLoudness(pcm: Float32Array, rate: number, stepSec: number): Loudness {
  const n = Math.max(1, Math.round(rate * stepSec));
  const steps = Math.ceil(pcm.length / n);
  const db = new Float32Array(steps);
  for (let s = 0; s < steps; s++) {
    const from = s * n;
    const to = Math.min(pcm.length, from + n);
    let sum = 0;
    for (let i = from; i < to; i++) sum += pcm[i]! * pcm[i]!;
    const rms = Math.sqrt(sum / Math.max(1, to - from));
    db[s] = rms > 0 ? Math.max(SILENCE_DB, 20 * Math.log10(rms)) : SILENCE_DB;
  }
  return { stepSec, db };
}

/** A speech detector's answer: the probability of speech per frame of `frameSec`. */
export interface SpeechProbabilities {
  probs: Float32Array;
  frameSec: number;
}

/** Silero's thresholds: speech starts at 0.5 and lasts until the probability falls under 0.35. */
const SPEECH_ON = 0.5;
const SPEECH_OFF = 0.35;

/** Stretches without speech of at least minRunSec, from a speech detector's probabilities. */
export function silentRuns({ probs, frameSec }: SpeechProbabilities, minRunSec: number): Span[] {
  const out: Span[] = [];
  let speaking = false;
  let from = 0;
  const close = (f: number) => {
    if (!speaking && (f - from) * frameSec >= minRunSec - 1e-9) out.push({ start: from * frameSec, end: f * frameSec });
  };
  probs.forEach((p, f) => {
    if (!speaking && p >= SPEECH_ON) {
      close(f);
      speaking = true;
    } else if (speaking && p < SPEECH_OFF) {
      speaking = false;
      from = f;
    }
  });
  close(probs.length);
  return out;
}

/** Speech segments of 16 kHz (or `rate`) mono PCM, in time order, never overlapping. */
export function speechSegments(pcm: Float32Array, rate: number, options: Partial<SegmentOptions> = {}, detected?: SpeechProbabilities): SpeechSegment[] {
  const o = { ...SEGMENT_DEFAULTS, ...options };
  const level = pcmLoudness(pcm, rate, o.stepSec);
  const total = pcm.length / rate;
  // A pause is where it is quiet, or where the detector hears no speech (music and noise are not speech).
  const quiet = union(quietRuns(level, { minRunSec: o.minPauseSec }), detected ? silentRuns(detected, o.minPauseSec) : []);
  // Speech is what lies between the pauses.
  let speech: Span[] = [];
  let t = 0;
  for (const q of quiet) {
    if (q.start > t) speech.push({ start: t, end: q.start });
    t = Math.max(t, q.end);
  }
  if (total > t) speech.push({ start: t, end: Math.min(total, level.db.length * o.stepSec) });
  // Music's onset can sound like speech for a frame or three: a stretch the detector hardly heard as speech is not.
  if (detected) speech = speech.filter((s) => voicedSec(detected, s) >= o.minSpeechSec);
  speech = speech.flatMap((s) => splitLong(s, level, o.maxSec, o.minSpeechSec));
  const utterances = joinNeighbours(speech, o).filter((s) => s.end - s.start >= o.minSpeechSec);
  return pad(utterances, o.padSec, total);
}

/** Seconds of `span` the detector heard as speech. */
function voicedSec({ probs, frameSec }: SpeechProbabilities, span: Span): number {
  let n = 0;
  for (let f = Math.floor(span.start / frameSec); f < Math.min(probs.length, Math.ceil(span.end / frameSec)); f++) if (probs[f]! >= SPEECH_ON) n++;
  return n * frameSec;
}

/** The union of two sorted lists of disjoint spans, sorted and disjoint. */
function union(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...a, ...b].sort((x, y) => x.start - y.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Cuts a segment longer than maxSec at its quietest step, again and again, keeping pieces ≥ minSec. */
function splitLong(seg: Span, level: Loudness, maxSec: number, minSec: number): Span[] {
  if (seg.end - seg.start <= maxSec) return [seg];
  const { stepSec, db } = level;
  // Search the middle part, so both pieces are long enough; prefer the middle on ties.
  const lo = Math.ceil((seg.start + Math.max(minSec, seg.end - seg.start - maxSec)) / stepSec);
  const hi = Math.floor((seg.end - Math.max(minSec, seg.end - seg.start - maxSec)) / stepSec);
  const mid = (seg.start + seg.end) / 2 / stepSec;
  let cut = Math.round(mid);
  for (let i = lo; i <= hi; i++) {
    const better = db[i]! < db[cut]! || (db[i] === db[cut] && Math.abs(i - mid) < Math.abs(cut - mid));
    if (better) cut = i;
  }
  const at = cut * stepSec;
  return [...splitLong({ start: seg.start, end: at }, level, maxSec, minSec), ...splitLong({ start: at, end: seg.end }, level, maxSec, minSec)];
}

/**
 * Joins neighbours across gaps up to joinGapSec while the result stays within targetSec, or within
 * maxSec when one is too short to stand alone (under 4 × minSpeechSec): words out of context are
 * what a speech model gets wrong most. The pieces are kept as the segment's parts.
 */
function joinNeighbours(spans: Span[], o: SegmentOptions): SpeechSegment[] {
  const out: SpeechSegment[] = [];
  const short = (x: Span) => x.end - x.start < o.minSpeechSec * 4;
  for (const s of spans) {
    const last = out[out.length - 1];
    const gap = last ? s.start - last.end : Infinity;
    const joined = last ? s.end - last.start : Infinity;
    if (last && gap <= o.joinGapSec && (joined <= o.targetSec || ((short(s) || short(last)) && joined <= o.maxSec))) {
      last.end = s.end;
      last.parts.push({ ...s });
    } else out.push({ start: s.start, end: s.end, parts: [{ ...s }] });
  }
  return out;
}

/** Widens each segment by padSec into the pauses around it, never past a neighbour or the audio. */
function pad(segs: SpeechSegment[], padSec: number, total: number): SpeechSegment[] {
  return segs.map((s, i) => {
    const prev = segs[i - 1];
    const next = segs[i + 1];
    const start = Math.max(0, prev ? (prev.end + s.start) / 2 : 0, s.start - padSec);
    const end = Math.min(total, next ? (s.end + next.start) / 2 : total, s.end + padSec);
    return { start: round(start), end: round(end), parts: s.parts.map((p) => ({ start: round(p.start), end: round(p.end) })) };
  });
}

const round = (t: number) => Math.round(t * 1000) / 1000;
