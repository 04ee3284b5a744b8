/**
 * "Tighten" (issue 23): a clip's pauses cut out, so the short keeps the host's words and drops the
 * dead air between them. A pause is where the loudness envelope is quiet and, where the clip is
 * transcribed, no caption's words are said; one longer than the seller's threshold is cut, keeping
 * PAD_SEC of it either side so no word loses its first or last sound. What stays is a list of
 * spans of the recording, played one after another: the output's timeline. Pure: the engines read
 * the spans (plan.ts `keep`), the app retimes the edit's captions, overlays and crop pins with them.
 */
import type { Cue } from './captions';
import { type Loudness, quietRuns } from '../recording/loudness';

/** A stretch of time, seconds: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Pauses longer than this are cut (the seller can change it). */
export const MIN_PAUSE_SEC = 0.6;
export const MIN_PAUSE_RANGE = { min: 0.3, max: 3, step: 0.1 } as const;
/** Kept of each cut pause, either side: breath before and after the words. */
export const PAD_SEC = 0.15;
/** The voice cross-fades over this at each join, half either side, so a join never clicks. */
export const CROSSFADE_SEC = 0.016;

/** The seller's choice for one clip; absent, the project's setting applies. */
export interface TightenEdit {
  enabled: boolean;
  /** Cut pauses longer than this, seconds (default MIN_PAUSE_SEC). */
  minPauseSec?: number;
  /** Recording times inside cuts the seller restored: a cut holding one is kept. */
  restored?: number[];
}

/** Where a clip's pauses can be read: the recording's envelope, and its transcribed words (recording time). */
export interface PauseSources {
  loudness?: Loudness;
  words?: readonly Span[];
}

const envelopeRuns = new WeakMap<Loudness, Span[]>();

/** The envelope's quiet runs, worked out once per envelope: the editor asks on every edit. */
function quietOf(loudness: Loudness): Span[] {
  let runs = envelopeRuns.get(loudness);
  if (!runs) {
    runs = quietRuns(loudness);
    envelopeRuns.set(loudness, runs);
  }
  return runs;
}

/** `spans` less every stretch of `holes` (both sorted). */
function subtract(spans: readonly Span[], holes: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    let from = s.start;
    for (const h of holes) {
      if (h.end <= from || h.start >= s.end) continue;
      if (h.start > from) out.push({ start: from, end: h.start });
      from = Math.max(from, h.end);
    }
    if (from < s.end) out.push({ start: from, end: s.end });
  }
  return out;
}

/** The gaps between words (sorted by start) inside `clip`. */
function gapsBetween(words: readonly Span[], clip: Span): Span[] {
  const sorted = [...words].sort((a, b) => a.start - b.start);
  const gaps: Span[] = [];
  let spoken = -Infinity;
  for (const w of sorted) {
    if (Number.isFinite(spoken) && w.start > spoken) gaps.push({ start: spoken, end: w.start });
    spoken = Math.max(spoken, w.end);
  }
  return gaps.filter((g) => g.start >= clip.start && g.end <= clip.end);
}

/**
 * The clip's pauses between words, in recording time: the envelope's quiet runs, less any
 * transcribed word said wholly inside one (softly); without an envelope, the gaps between the
 * words. A word's timing only reaching into a quiet run is the recogniser's slop (its edges are
 * tenths of a second off; the envelope hears where the sound stops), so it does not shorten the
 * pause. Pauses touching the clip's edges are left to the trim: a cut has words on both sides.
 */
export function clipPauses(clip: Span, { loudness, words }: PauseSources): Span[] {
  let pauses: Span[];
  if (loudness) {
    const said = [...(words ?? [])].sort((a, b) => a.start - b.start);
    pauses = quietOf(loudness)
      .filter((r) => r.start > clip.start && r.end < clip.end)
      .flatMap((p) =>
        subtract(
          [p],
          said.filter((w) => w.start >= p.start && w.end <= p.end),
        ),
      );
  } else if (words?.length) pauses = gapsBetween(words, clip);
  else pauses = [];
  return pauses.filter((p) => p.start > clip.start && p.end < clip.end);
}

/** The cuts `pauses` make: each one longer than `minPauseSec`, less PAD_SEC either side, on the clip's frame grid. */
export function pauseCuts(pauses: readonly Span[], clipStart: number, minPauseSec: number, fps: number): Span[] {
  // Inwards to the grid: at least PAD_SEC of the pause stays either side.
  const frames = (t: number) => (t - clipStart) * fps;
  return pauses
    .filter((p) => p.end - p.start > minPauseSec)
    .map((p) => ({
      start: clipStart + Math.ceil(frames(p.start + PAD_SEC) - 1e-6) / fps,
      end: clipStart + Math.floor(frames(p.end - PAD_SEC) + 1e-6) / fps,
    }))
    .filter((c) => c.end > c.start);
}

/** A cut is restored when the seller kept a moment inside it. */
export const isRestored = (cut: Span, restored: readonly number[] | undefined): boolean => (restored ?? []).some((t) => t >= cut.start && t < cut.end);

/** What plays of `clip` with `cuts` (sorted, inside it) taken out. */
export function keptSpans(clip: Span, cuts: readonly Span[]): Span[] {
  return subtract([clip], cuts).filter((s) => s.end - s.start > 1e-6);
}

/** The output's length: the kept spans end to end. */
export const playedLength = (spans: readonly Span[]): number => spans.reduce((sum, s) => sum + s.end - s.start, 0);

/** Recording time → output time; a moment inside a cut goes to where the next span starts. */
export function outputTimeOf(spans: readonly Span[], t: number): number {
  let out = 0;
  for (const s of spans) {
    if (t < s.start) return out;
    if (t < s.end) return out + t - s.start;
    out += s.end - s.start;
  }
  return out;
}

/** Output time → recording time: the inverse of outputTimeOf inside the spans. */
export function sourceTimeOf(spans: readonly Span[], t: number): number {
  let at = 0;
  for (const s of spans) {
    const len = s.end - s.start;
    if (t < at + len) return s.start + Math.max(0, t - at);
    at += len;
  }
  const last = spans[spans.length - 1];
  return last ? last.end + (t - at) : t;
}

/** Each span's place on the output's timeline: where it starts there, seconds. */
export const spanOffsets = (spans: readonly Span[]): number[] => {
  let at = 0;
  return spans.map((s) => {
    const o = at;
    at += s.end - s.start;
    return o;
  });
};

/**
 * A clip-relative time mapping for the edit's timed things (captions, overlays, crop pins): clip
 * time → output time of the tightened short. The identity without cuts.
 */
export function clipRetimer(clipStart: number, spans: readonly Span[] | undefined): (t: number) => number {
  if (!spans) return (t) => t;
  return (t) => outputTimeOf(spans, clipStart + t);
}

/** Cues retimed; a cue said wholly inside a cut is dropped. */
export const retimeCues = (cues: readonly Cue[], at: (t: number) => number): Cue[] =>
  cues.map((c) => ({ ...c, start: at(c.start), end: at(c.end) })).filter((c) => c.end > c.start);

/**
 * One kept span of the voice on the output's timeline, in frames at `rate`: it plays the recording
 * from `from` seconds for `frames` frames from output frame `first`, fading in over its first
 * `fade` frames where it follows a join and out over its last where one follows. Neighbours
 * overlap by that fade, centred on the join, so the short is exactly the spans long and each
 * join is a linear cross-fade whose gains sum to one.
 */
export interface VoiceSplice {
  from: number;
  first: number;
  frames: number;
  fadeIn: number;
  fadeOut: number;
}

export function voiceSplices(spans: readonly Span[], rate: number, crossfadeSec = CROSSFADE_SEC): VoiceSplice[] {
  const half = Math.max(1, Math.round((crossfadeSec * rate) / 2));
  const offsets = spanOffsets(spans);
  return spans.map((s, i) => {
    const lead = i > 0 ? half : 0;
    const tail = i < spans.length - 1 ? half : 0;
    const first = Math.round(offsets[i]! * rate) - lead;
    const last = Math.round((offsets[i]! + s.end - s.start) * rate) + tail;
    return { from: s.start - lead / rate, first, frames: last - first, fadeIn: 2 * lead, fadeOut: 2 * tail };
  });
}

/** The splice's gain at its own frame `i`. */
export function spliceGain(s: VoiceSplice, i: number): number {
  if (i < s.fadeIn) return (i + 0.5) / s.fadeIn;
  const fromEnd = s.frames - i;
  if (fromEnd <= s.fadeOut) return (fromEnd - 0.5) / s.fadeOut;
  return 1;
}
