import type { FabricObject } from 'fabric';
import { DESIGN, type ClipEdit, type ElementLayout } from '../domain/edit/model';
import { captionLook } from '../domain/edit/captionStyle';
import type { OverlayImage } from '../domain/edit/plan';
import { wordTimes } from '../domain/edit/wordTiming';
import { introCard } from './introCard';
import { hookTitle } from '../domain/edit/hook';
import { stacked, stickerImage, stickerSrc } from './scene';
import type { ElementRef } from '../domain/edit/elements';
import { captionBox, textOverlay } from './text';

export interface OverlayAsset {
  overlay: OverlayImage;
  png: Uint8Array;
}

const INTRO_FADE_SEC = 0.4;
const CAPTION: ElementRef = { kind: 'caption' };

/**
 * Exports each overlay exactly as the canvas shows it: the same Fabric objects, placed with the
 * same layout, rasterised at the output size into a PNG cropped to its box (rotation included).
 */
export async function exportOverlays(
  edit: ClipEdit,
  output: { width: number },
  clipSec: number,
  imageUrl: (image: Blob) => string,
  hookSec = 0,
): Promise<OverlayAsset[]> {
  const m = output.width / DESIGN.width;
  const out: Array<OverlayAsset & { ref: ElementRef }> = [];
  const add = async (ref: ElementRef, id: string, o: FabricObject, l: ElementLayout, from: number, to: number, fadeInSec?: number) => {
    if (!(to > from)) return;
    o.set({ left: l.x, top: l.y, scaleX: l.scale, scaleY: l.scale, angle: l.angle, originX: 'center', originY: 'center' });
    o.setCoords();
    const box = o.getBoundingRect();
    const el = o.toCanvasElement({ multiplier: m, enableRetinaScaling: false });
    const blob = await new Promise<Blob | null>((resolve) => el.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error(`Could not draw the overlay "${id}".`);
    out.push({
      ref,
      overlay: { id, x: Math.round(box.left * m), y: Math.round(box.top * m), width: el.width, height: el.height, from, to, ...(fadeInSec && { fadeInSec }) },
      png: new Uint8Array(await blob.arrayBuffer()),
    });
  };
  if (edit.captions.enabled) {
    const look = captionLook(edit.captions);
    for (const [i, cue] of edit.captions.cues.entries()) {
      const from = Math.max(0, cue.start);
      const to = Math.min(clipSec, cue.end);
      if (look.style !== 'highlight') {
        await add(CAPTION, `caption-${i}`, captionBox(cue.text, look), edit.captions.layout, from, to);
        continue;
      }
      // One image per word, each the whole cue with that word lit, shown while it is spoken.
      for (const [j, word] of wordTimes(cue).entries()) {
        await add(CAPTION, `caption-${i}-${j}`, captionBox(cue.text, look, word), edit.captions.layout, Math.max(from, word.start), Math.min(to, word.end));
      }
    }
  }
  for (const s of edit.stickers) {
    await add(
      { kind: 'sticker', key: s.key },
      `sticker-${s.key}`,
      await stickerImage(stickerSrc(s, imageUrl)),
      s.layout,
      Math.max(0, s.from),
      Math.min(clipSec, s.to),
    );
  }
  for (const t of edit.texts ?? []) {
    await add({ kind: 'text', key: t.key }, `text-${t.key}`, textOverlay(t), t.layout, Math.max(0, t.from), Math.min(clipSec, t.to));
  }
  if (edit.intro.enabled) {
    const card = await introCard(edit.intro, edit.intro.image && imageUrl(edit.intro.image));
    // After the hook's teaser, when there is one: the card opens the clip itself.
    await add({ kind: 'intro' }, 'intro', card, edit.intro.layout, hookSec, Math.min(clipSec, hookSec + edit.intro.durationSec), INTRO_FADE_SEC);
  }
  // The hook's title over the teaser (hook.ts): on top of everything.
  if (hookSec > 0) {
    const title = hookTitle(edit.intro.name);
    await add({ kind: 'text', key: title.key }, 'hook-title', textOverlay(title), title.layout, 0, hookSec, INTRO_FADE_SEC / 2);
  }
  // Composited in the edit's layer order, as the canvas stacks them.
  return stacked(edit, out, (a) => a.ref).map(({ overlay, png }) => ({ overlay, png }));
}
