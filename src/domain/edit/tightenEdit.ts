/**
 * A clip's edit with "Tighten" applied: which pauses are cut (and which the seller restored), the
 * spans that play, and the edit's captions, stickers, texts, intro and crop pins moved to the
 * tightened short's timeline, for the render plan (app/renderClip.ts) and the editor's list of cuts.
 */
import type { ClipEdit } from './model';
import { clipPauses, clipRetimer, isRestored, keptSpans, MIN_PAUSE_SEC, pauseCuts, type PauseSources, retimeCues, type Span } from './tighten';

/** One pause the tightening cuts, or would cut had the seller not restored it (recording time). */
export interface ClipCut extends Span {
  restored: boolean;
}

/** Whether the clip is tightened: its own choice, else the project's setting for every clip. */
export const tightens = (edit: Pick<ClipEdit, 'tighten'>, projectDefault: boolean): boolean => edit.tighten?.enabled ?? projectDefault;

/** The transcribed words of the edit's captions, in recording time (none for product captions). */
const spokenWords = (edit: ClipEdit, clipStart: number): Span[] =>
  edit.captions.fromTranscript ? edit.captions.cues.map((c) => ({ start: clipStart + c.start, end: clipStart + c.end })) : [];

/** The clip's cuts (restored ones included), none when it is not tightened. */
export function clipCuts(edit: ClipEdit, clip: Span, fps: number, projectDefault: boolean, sources: Omit<PauseSources, 'words'>): ClipCut[] {
  if (!tightens(edit, projectDefault)) return [];
  const pauses = clipPauses(clip, { ...sources, words: spokenWords(edit, clip.start) });
  return pauseCuts(pauses, clip.start, edit.tighten?.minPauseSec ?? MIN_PAUSE_SEC, fps).map((c) => ({ ...c, restored: isRestored(c, edit.tighten?.restored) }));
}

/** The spans that play, undefined when nothing is cut. */
export function playedSpans(clip: Span, cuts: readonly ClipCut[]): Span[] | undefined {
  const cut = cuts.filter((c) => !c.restored);
  return cut.length > 0 ? keptSpans(clip, cut) : undefined;
}

/**
 * The edit with every timed element moved onto the short's timeline: over its cut pauses (`spans`,
 * recording time; none: nothing cut) and after a teaser of `leadSec` played first.
 */
export function retimeEdit(edit: ClipEdit, clipStart: number, spans: readonly Span[] | undefined, leadSec = 0): ClipEdit {
  const inClip = clipRetimer(clipStart, spans);
  const at = (t: number) => leadSec + inClip(t);
  const fromTo = <T extends { from: number; to: number }>(items: readonly T[]): T[] =>
    items.map((i) => ({ ...i, from: at(i.from), to: at(i.to) })).filter((i) => i.to > i.from);
  // Pins inside one cut land on the same moment: the later one is where the picture goes on.
  const pins = edit.cropPins?.map((p) => ({ ...p, t: at(p.t) })).filter((p, i, all) => all[i + 1]?.t !== p.t);
  return {
    ...edit,
    intro: { ...edit.intro, durationSec: inClip(edit.intro.durationSec) },
    captions: { ...edit.captions, cues: retimeCues(edit.captions.cues, at) },
    stickers: fromTo(edit.stickers),
    ...(edit.texts && { texts: fromTo(edit.texts) }),
    ...(pins && { cropPins: pins }),
  };
}

/** The seller restores a cut (keeps that pause), or cuts it again. */
export function toggleCut(edit: ClipEdit, cut: Span, restore: boolean): ClipEdit {
  const restored = (edit.tighten?.restored ?? []).filter((t) => !(t >= cut.start && t < cut.end));
  if (restore) restored.push((cut.start + cut.end) / 2);
  return { ...edit, tighten: { enabled: true, ...edit.tighten, restored } };
}
