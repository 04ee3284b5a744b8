/**
 * Caption lines edited by hand: retimed, added, removed. Lines never overlap (the render would
 * stack two plates on one spot) and each lasts at least MIN_CUE_SEC (shorter ones only flash).
 */
import type { Cue } from './captions';

export const MIN_CUE_SEC = 0.2;
/** Length of a line added by hand, when the gap allows. */
export const NEW_CUE_SEC = 2;

export type CueResult = { cues: Cue[]; index: number } | { error: string };

const ms = (t: number) => Math.round(t * 1000) / 1000;
const sec = (t: number) => `${ms(t)} s`;

/** Why cue `index` (-1: a new one) cannot run from `start` to `end` in a clip of `clipSec`, or undefined when it can. */
export function cueTimeProblem(cues: readonly Cue[], index: number, start: number, end: number, clipSec: number): string | undefined {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 'Type the times in seconds, e.g. 1.5.';
  if (start < 0) return 'A caption cannot start before the clip.';
  if (end > clipSec + 1e-6) return `A caption cannot end after the clip (${sec(clipSec)}).`;
  if (end - start < MIN_CUE_SEC - 1e-6) return `A caption must last at least ${MIN_CUE_SEC} s.`;
  const clash = cues.findIndex((c, i) => i !== index && start < c.end - 1e-6 && end > c.start + 1e-6);
  const c = cues[clash];
  return c && `That overlaps caption ${clash + 1} (${sec(c.start)}–${sec(c.end)}).`;
}

/** Cue `index` with new times; the list stays in time order (the line may move). */
export function retimeCue(cues: readonly Cue[], index: number, start: number, end: number, clipSec: number): CueResult {
  const cue = cues[index];
  if (!cue) return { error: 'No such caption.' };
  const problem = cueTimeProblem(cues, index, start, end, clipSec);
  if (problem) return { error: problem };
  const moved = { ...cue, start: ms(start), end: ms(end) };
  return sortedWith(
    cues.filter((_, i) => i !== index),
    moved,
  );
}

/**
 * A new line at clip time `at`: from there (or from the end of the line showing then) for
 * NEW_CUE_SEC, cut short by the next line or the clip's end.
 */
export function addCue(cues: readonly Cue[], at: number, clipSec: number, text: string): CueResult {
  const covering = cues.find((c) => at >= c.start && at < c.end);
  const start = Math.max(0, covering ? covering.end : at);
  const next = cues.filter((c) => c.start >= start - 1e-6).reduce((t, c) => Math.min(t, c.start), clipSec);
  const end = Math.min(start + NEW_CUE_SEC, next, clipSec);
  if (end - start < MIN_CUE_SEC - 1e-6) return { error: 'No room for a new caption here: scrub to a moment without one.' };
  const problem = cueTimeProblem(cues, -1, start, end, clipSec);
  if (problem) return { error: problem };
  return sortedWith(cues, { start: ms(start), end: ms(end), text });
}

export const removeCue = (cues: readonly Cue[], index: number): Cue[] => cues.filter((_, i) => i !== index);

function sortedWith(cues: readonly Cue[], cue: Cue): { cues: Cue[]; index: number } {
  const index = cues.findIndex((c) => c.start > cue.start);
  const at = index < 0 ? cues.length : index;
  return { cues: [...cues.slice(0, at), cue, ...cues.slice(at)], index: at };
}
