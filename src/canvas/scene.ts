import { FabricImage, type FabricObject, Line, type Canvas, type StaticCanvas } from 'fabric';
import { elementsOf, refId, type ElementRef, type Overlays } from '../domain/edit/elements';
import { DESIGN, type ClipEdit, type ElementLayout } from '../domain/edit/model';
import type { Rect } from '../domain/edit/rect';
import { safeArea } from '../domain/edit/safeArea';
import type { Cue } from '../domain/edit/captions';
import { captionLook, type CaptionLook } from '../domain/edit/captionStyle';
import { wordIndexAt, wordTimes } from '../domain/edit/wordTiming';
import { introCard } from './introCard';
import { captionBox, textOverlay } from './text';

/** Element refs live on the Fabric objects themselves. */
const refs = new WeakMap<FabricObject, ElementRef>();
export const refOf = (o: FabricObject): ElementRef | undefined => refs.get(o);

function place(o: FabricObject, l: ElementLayout, ref: ElementRef): FabricObject {
  o.set({ left: l.x, top: l.y, scaleX: l.scale, scaleY: l.scale, angle: l.angle, originX: 'center', originY: 'center' });
  o.setControlsVisibility({ mt: false, mb: false, ml: false, mr: false });
  refs.set(o, ref);
  return o;
}

export function layoutOf(o: FabricObject): ElementLayout {
  return { x: o.left, y: o.top, scale: o.scaleX, angle: o.angle };
}

export async function stickerImage(src: string): Promise<FabricObject> {
  return FabricImage.fromURL(src, { crossOrigin: 'anonymous' });
}

/** The caption cue shown at clip time t (the cue that covers t, else the first cue for layout). */
function cueAt(edit: Overlays, t: number): Cue | undefined {
  const cues = edit.captions.cues;
  return cues.find((c) => t >= c.start && t < c.end) ?? cues[0];
}

/** A cue as drawn at clip time t: in the highlight style, with the word spoken then (as the render shows it). */
function captionAt(cue: Cue, look: CaptionLook, t: number): FabricObject {
  const words = look.style === 'highlight' ? wordTimes(cue) : [];
  return captionBox(cue.text, look, words[wordIndexAt(words, t)]);
}

/** The box every caption line of the edit covers (their plates differ in height), design pixels. */
export function captionRegion(edit: Overlays): Rect | undefined {
  const look = captionLook(edit.captions);
  const boxes = edit.captions.cues.map((c) => {
    const o = place(captionBox(c.text, look), edit.captions.layout, { kind: 'caption' });
    o.setCoords();
    return o.getBoundingRect();
  });
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.left));
  const y = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.left + b.width));
  const bottom = Math.max(...boxes.map((b) => b.top + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

export interface SceneOptions {
  /** Clip time shown, seconds: elements outside their time range are hidden. */
  time: number;
  /** URL of a user's image (a sticker or the product picture). */
  imageUrl: (image: Blob) => string;
}

export const stickerSrc = (s: ClipEdit['stickers'][number], imageUrl: SceneOptions['imageUrl']) =>
  s.image ? imageUrl(s.image) : `stickers/${s.stickerId ?? 'star'}.svg`;

/** What `replaceScene` needs of a canvas (Fabric's Canvas and StaticCanvas fit). */
export interface SceneHost<T> {
  getObjects(): T[];
  remove(...objects: T[]): unknown;
  add(...objects: T[]): unknown;
  requestRenderAll(): void;
}

/** The latest build asked of each canvas: an older one that finishes later is dropped. */
const latestBuild = new WeakMap<object, number>();

/**
 * Puts the objects `build` makes on the canvas in place of what is there, in one step once they
 * are all made (images load in between): two quick rebuilds never interleave into duplicates, and
 * only the latest one asked shows. Resolves to whether this build's objects were placed.
 */
export async function replaceScene<T>(canvas: SceneHost<T>, build: () => Promise<T[]>): Promise<boolean> {
  const ticket = (latestBuild.get(canvas) ?? 0) + 1;
  latestBuild.set(canvas, ticket);
  const objects = await build();
  if (latestBuild.get(canvas) !== ticket) return false;
  canvas.remove(...canvas.getObjects());
  canvas.add(...objects);
  canvas.requestRenderAll();
  return true;
}

/** Builds every overlay of the edit on the canvas, in compositing order (later on top); false when a newer build replaced it. */
export function buildScene(canvas: Canvas | StaticCanvas, edit: Overlays, opts: SceneOptions): Promise<boolean> {
  return replaceScene(canvas, () => sceneObjects(edit, opts));
}

async function sceneObjects(edit: Overlays, { time, imageUrl }: SceneOptions): Promise<FabricObject[]> {
  const objects: FabricObject[] = [];
  if (edit.captions.enabled) {
    const cue = cueAt(edit, time);
    if (cue) {
      const o = place(captionAt(cue, captionLook(edit.captions), time), edit.captions.layout, { kind: 'caption' });
      o.visible = edit.captions.cues.some((c) => time >= c.start && time < c.end);
      objects.push(o);
    }
  }
  for (const s of edit.stickers) {
    const o = place(await stickerImage(stickerSrc(s, imageUrl)), s.layout, { kind: 'sticker', key: s.key });
    o.visible = time >= s.from && time < s.to;
    objects.push(o);
  }
  for (const t of edit.texts ?? []) {
    const o = place(textOverlay(t), t.layout, { kind: 'text', key: t.key });
    o.visible = time >= t.from && time < t.to;
    objects.push(o);
  }
  if (edit.intro.enabled) {
    const o = place(await introCard(edit.intro, edit.intro.image && imageUrl(edit.intro.image)), edit.intro.layout, { kind: 'intro' });
    o.visible = time < edit.intro.durationSec;
    objects.push(o);
  }
  return stacked(edit, objects, (o) => refOf(o));
}

/** `items` in the edit's layer order (elementsOf), bottom first: the canvas and the export stack alike. */
export function stacked<T>(edit: Overlays, items: T[], refOfItem: (item: T) => ElementRef | undefined): T[] {
  const rank = new Map(elementsOf(edit).map((e, i) => [refId(e.ref), i]));
  const at = (item: T) => {
    const ref = refOfItem(item);
    return (ref && rank.get(refId(ref))) ?? rank.size;
  };
  // Array sort is stable: items of one rank keep their order.
  return [...items].sort((a, b) => at(a) - at(b));
}

/** TikTok's safe area drawn as guides (not exported: they are not scene objects of the edit). */
export function safeGuides(): FabricObject[] {
  const s = safeArea(DESIGN.width, DESIGN.height);
  const style = { stroke: '#25f4ee', strokeWidth: 3, strokeDashArray: [18, 12], selectable: false, evented: false, excludeFromExport: true };
  const r = s.x + s.width;
  const b = s.y + s.height;
  return [new Line([s.x, s.y, r, s.y], style), new Line([s.x, b, r, b], style), new Line([s.x, s.y, s.x, b], style), new Line([r, s.y, r, b], style)];
}
