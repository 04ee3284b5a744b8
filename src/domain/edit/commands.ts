/**
 * The edits a user makes to a clip, as named pure commands, each with its undo policy (after
 * excalidraw's actions): `step` is one undo step; `coalesce` merges a run of the same change
 * (typing, a slider) into one; `never` is made on behalf of something beyond this clip (the
 * project's caption look) and so is applied through the whole history, never undone here.
 */
import { type CropPin, pinCrop, unpinCrop } from './cropPath';
import { CENTRED, type ReframeMode } from './reframe';
import type { CaptionLook } from './captionStyle';
import { movedOrder, withLayout, withoutElement, type ElementRef } from './elements';
import { DESIGN, type ClipEdit, type ElementLayout, type StickerEdit, type TextEdit } from './model';
import type { Span, TightenEdit } from './tighten';
import type { HookEdit } from './hook';
import { toggleCut } from './tightenEdit';

export type UndoPolicy = 'step' | 'coalesce' | 'never';

export interface EditCommand<A> {
  readonly name: string;
  readonly undo: UndoPolicy;
  apply(edit: ClipEdit, arg: A): ClipEdit;
  /** For `coalesce`: the run this change belongs to (same key within a second: one step); none, a step of its own. */
  readonly runKey?: (arg: A) => string | undefined;
}

/** How the UI asks for a command (the clip-edit store runs it by its policy). */
export type RunCommand = <A>(command: EditCommand<A>, arg: A) => void;

const command = <A>(name: string, undo: UndoPolicy, apply: EditCommand<A>['apply'], runKey?: (arg: A) => string | undefined): EditCommand<A> => ({
  name,
  undo,
  apply,
  ...(runKey && { runKey }),
});
const typing = <A>(name: string, key: string, apply: EditCommand<A>['apply']) => command(name, 'coalesce', apply, () => key);

/** A new sticker sits centred, above the middle of the frame: clear of the captions at the bottom. */
export const NEW_STICKER_LAYOUT = { x: DESIGN.width / 2, y: 760, scale: 1, angle: 0 } as const;

type Video = Partial<Pick<ClipEdit, 'output' | 'quality' | 'reframe'>>;
export const setVideo = command<Video>('Video settings', 'step', (e, patch) => ({ ...e, ...patch }));
/** The crop moved to `x` at the frame shown (`t`): with pins, the pin there (made if none is near); without, the one position. */
const movedCrop = (e: ClipEdit, { t, x }: { t: number; x: number }): ClipEdit =>
  e.cropPins ? { ...e, cropPins: pinCrop(e.cropPins, t, x) } : { ...e, cropX: x };
/** A drag of the picture: one step. */
export const setCropX = command<{ t: number; x: number }>('Move the crop', 'step', movedCrop);
/** The slider: one step per slide. */
export const slideCropX = typing<{ t: number; x: number }>('Move the crop', 'crop', movedCrop);
/** The crop pinned at `x` at clip time `t` (a pin near `t` moves); the crop then moves between pins. */
export const pinCropAt = command<{ t: number; x: number }>('Pin the crop', 'step', (e, { t, x }) => ({ ...e, cropPins: pinCrop(e.cropPins, t, x) }));
/** Reframe mode chosen: leaving "Follow the host" drops the pins it found. */
export const chooseReframe = command<ReframeMode>('Reframe', 'step', (e, reframe) => {
  if (!e.followHost) return { ...e, reframe };
  const { cropPins: _pins, followHost: _follow, ...rest } = e;
  return { ...rest, reframe };
});
/** "Follow the host": a centre crop along the pins found (none: the crop stays centred). */
export const followHostPins = command<CropPin[]>('Follow the host', 'step', (e, pins) => {
  const { cropPins: _pins, followHost: _follow, ...rest } = e;
  return pins.length > 0 ? { ...rest, reframe: 'crop', cropPins: pins, followHost: true } : { ...rest, reframe: 'crop', cropX: CENTRED };
});
/** The reframe is still the auto-edit's (the blurred fill, no crop moved or pinned): following the host by default may replace it. */
export const reframeUntouched = (e: ClipEdit): boolean => e.reframe === 'blur' && !e.cropPins && e.cropX === undefined;
export const removeCropPin = command<number>('Remove a crop pin', 'step', (e, t) => {
  const cropPins = unpinCrop(e.cropPins, t);
  // The last pin gone, the crop no longer follows anyone: it is a centre crop again.
  const { cropPins: _, followHost: _follow, ...rest } = e;
  return cropPins.length > 0 ? { ...e, cropPins } : rest;
});
/** "Tighten" turned on or off for this clip (`enabled` is what the seller sees, the project's setting included). */
const tightened = (e: ClipEdit, patch: Partial<TightenEdit> & { enabled: boolean }): ClipEdit => ({ ...e, tighten: { ...e.tighten, ...patch } });
export const setTighten = command<Partial<TightenEdit> & { enabled: boolean }>('Tighten', 'step', tightened);
/** The pause threshold's slider: one step per slide. */
export const slidePauseThreshold = typing<Partial<TightenEdit> & { enabled: boolean }>('Pause threshold', 'pause', tightened);
/** The hook turned on (with its teaser's moment) or off. */
export const setHook = command<HookEdit>('Hook', 'step', (e, hook) => ({ ...e, hook }));
/** One cut pause kept (restored), or cut again. */
export const restoreCut = command<{ cut: Span; restore: boolean }>('Restore a pause', 'step', (e, { cut, restore }) => toggleCut(e, cut, restore));
/** An element moved, scaled or turned on the canvas, or by its number fields; `run` merges a run of nudges. */
export const placeElement = command<{ ref: ElementRef; layout: ElementLayout; run?: string }>(
  'Move',
  'coalesce',
  (e, { ref, layout }) => withLayout(e, ref, layout),
  ({ run }) => run,
);
export const removeElement = command<ElementRef>('Delete', 'step', (e, ref) => withoutElement(e, ref));
/** Bring an overlay one layer forward (+1) or send it one back (-1); nothing at the top or bottom. */
export const moveLayer = command<{ ref: ElementRef; dir: 1 | -1 }>('Layer order', 'step', (e, { ref, dir }) => {
  const order = movedOrder(e, ref, dir);
  return order ? { ...e, order } : e;
});

export const setIntro = command<Partial<ClipEdit['intro']>>('Intro card', 'step', (e, patch) => ({ ...e, intro: { ...e.intro, ...patch } }));
export const typeProductName = typing<string>('Product name', 'intro-name', (e, name) => ({ ...e, intro: { ...e.intro, name } }));
export const typePrice = typing<string>('Price', 'intro-price', (e, price) => ({ ...e, intro: { ...e.intro, price } }));

export const setMusic = command<Partial<ClipEdit['music']>>('Music', 'step', (e, patch) => ({ ...e, music: { ...e.music, ...patch } }));
export const slideMusicVolume = typing<number>('Music volume', 'music-volume', (e, volume) => ({ ...e, music: { ...e.music, volume } }));

/** The captions' lines, look or place; `run` names a run of changes (typing a line) that undoes as one step. */
export const setCaptions = command<{ captions: ClipEdit['captions']; run?: string | undefined }>(
  'Captions',
  'coalesce',
  (e, { captions }) => ({ ...e, captions }),
  ({ run }) => run,
);
/** "Use for all clips": the project's look, so not undone in one clip's history. */
export const applyCaptionLook = command<CaptionLook>('Caption look for all clips', 'never', (e, look) => ({ ...e, captions: { ...e.captions, ...look } }));

export const typePost = typing<string>('Post text', 'post', (e, post) => ({ ...e, post }));

export const addSticker = command<{ sticker: Omit<StickerEdit, 'key' | 'from' | 'to' | 'layout'>; key: string; clipSec: number }>(
  'Add sticker',
  'step',
  (e, { sticker, key, clipSec }) => ({ ...e, stickers: [...e.stickers, { ...sticker, key, from: 0, to: clipSec, layout: NEW_STICKER_LAYOUT }] }),
);
export const removeSticker = command<string>('Delete sticker', 'step', (e, key) => ({ ...e, stickers: e.stickers.filter((s) => s.key !== key) }));
export const updateSticker = command<{ key: string; patch: Partial<StickerEdit> }>('Sticker', 'step', (e, { key, patch }) => ({
  ...e,
  stickers: e.stickers.map((s) => (s.key === key ? { ...s, ...patch } : s)),
}));

export const addText = command<TextEdit>('Add text', 'step', (e, text) => ({ ...e, texts: [...(e.texts ?? []), text] }));
/** A text's change; `run` names a run of changes (typing its words, a size slider) that undoes as one step. */
export const updateText = command<{ key: string; patch: Partial<TextEdit>; run?: string }>(
  'Text',
  'coalesce',
  (e, { key, patch }) => ({ ...e, texts: (e.texts ?? []).map((t) => (t.key === key ? { ...t, ...patch } : t)) }),
  ({ key, run }) => run && `${run}:${key}`,
);
export const removeText = command<string>('Delete text', 'step', (e, key) => ({ ...e, texts: (e.texts ?? []).filter((t) => t.key !== key) }));
