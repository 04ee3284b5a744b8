import { FabricImage, FabricObject, Group, Line, Rect, Textbox, type Canvas, type StaticCanvas } from 'fabric';
import { DESIGN, type ClipEdit, type ElementLayout } from '../domain/edit/model';
import { safeArea } from '../domain/edit/safeArea';
import { capText, PRICE_MAX, PRODUCT_NAME_MAX } from '../domain/format';
import { FONT_FAMILY } from './fonts';

/** What an element on the canvas stands for in the edit model. */
export type ElementRef = { kind: 'intro' } | { kind: 'caption' } | { kind: 'sticker'; key: string };

const ACCENT = '#fe2c55';
const CAPTION_WIDTH = 760;

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

const IMAGE_BOX = 260;

/** The product intro card: the product's image (when given), name and price on a rounded card. */
export async function introCard(edit: ClipEdit['intro'], imageUrl?: string): Promise<FabricObject> {
  const image = imageUrl ? await FabricImage.fromURL(imageUrl) : undefined;
  const imageH = image ? IMAGE_BOX + 24 : 0;
  if (image) {
    const k = Math.min(IMAGE_BOX / image.width, IMAGE_BOX / image.height);
    image.set({ scaleX: k, scaleY: k, originX: 'center', originY: 'top', left: 0, top: 0 });
  }
  // Capped: a megabyte of name wraps into a card taller than any canvas, and the render fails.
  const name = new Textbox(capText(edit.name, PRODUCT_NAME_MAX), {
    width: 640,
    fontFamily: FONT_FAMILY,
    fontWeight: '800',
    fontSize: 64,
    lineHeight: 1.05,
    fill: '#ffffff',
    textAlign: 'center',
    originX: 'center',
    originY: 'top',
    left: 0,
    top: imageH,
  });
  const price = new Textbox(capText(edit.price, PRICE_MAX), {
    width: 640,
    fontFamily: FONT_FAMILY,
    fontWeight: '800',
    fontSize: 84,
    fill: '#ffd400',
    textAlign: 'center',
    originX: 'center',
    originY: 'top',
    left: 0,
    top: imageH + name.height + 16,
  });
  const contentH = imageH + name.height + (edit.price ? 16 + price.height : 0);
  const card = new Rect({
    width: 720,
    height: contentH + 96,
    rx: 36,
    ry: 36,
    fill: 'rgba(17,19,24,0.88)',
    stroke: ACCENT,
    strokeWidth: 8,
    originX: 'center',
    originY: 'top',
    left: 0,
    top: -48,
  });
  const parts: FabricObject[] = [card, ...(image ? [image] : []), name, ...(edit.price ? [price] : [])];
  return new Group(parts, { originX: 'center', originY: 'center' });
}

/** One caption's text as drawn: white bold text on a dark rounded plate. */
export function captionBox(text: string): FabricObject {
  const box = new Textbox(text, {
    width: CAPTION_WIDTH,
    fontFamily: FONT_FAMILY,
    fontWeight: '700',
    fontSize: 54,
    lineHeight: 1.1,
    fill: '#ffffff',
    textAlign: 'center',
    originX: 'center',
    originY: 'center',
    left: 0,
    top: 0,
  });
  const plate = new Rect({
    width: CAPTION_WIDTH + 56,
    height: box.height + 40,
    rx: 22,
    ry: 22,
    fill: 'rgba(0,0,0,0.62)',
    originX: 'center',
    originY: 'center',
    left: 0,
    top: 0,
  });
  return new Group([plate, box], { originX: 'center', originY: 'center' });
}

export async function stickerImage(src: string): Promise<FabricObject> {
  return FabricImage.fromURL(src, { crossOrigin: 'anonymous' });
}

/** Caption text shown at clip time t (the cue that covers t, else the first cue for layout). */
export function captionAt(edit: ClipEdit, t: number): string | undefined {
  const cues = edit.captions.cues;
  return (cues.find((c) => t >= c.start && t < c.end) ?? cues[0])?.text;
}

export interface SceneOptions {
  /** Clip time shown, seconds: elements outside their time range are hidden. */
  time: number;
  /** URL of a user's image (a sticker or the product picture). */
  imageUrl: (image: Blob) => string;
}

export const stickerSrc = (s: ClipEdit['stickers'][number], imageUrl: SceneOptions['imageUrl']) =>
  s.image ? imageUrl(s.image) : `stickers/${s.stickerId ?? 'star'}.svg`;

/** Builds every overlay of the edit on the canvas, in compositing order (later on top). */
export async function buildScene(canvas: Canvas | StaticCanvas, edit: ClipEdit, opts: SceneOptions): Promise<void> {
  canvas.remove(...canvas.getObjects());
  const { time } = opts;
  if (edit.captions.enabled) {
    const text = captionAt(edit, time);
    if (text) {
      const o = place(captionBox(text), edit.captions.layout, { kind: 'caption' });
      o.visible = edit.captions.cues.some((c) => time >= c.start && time < c.end);
      canvas.add(o);
    }
  }
  for (const s of edit.stickers) {
    const o = place(await stickerImage(stickerSrc(s, opts.imageUrl)), s.layout, { kind: 'sticker', key: s.key });
    o.visible = time >= s.from && time < s.to;
    canvas.add(o);
  }
  if (edit.intro.enabled) {
    const o = place(await introCard(edit.intro, edit.intro.image && opts.imageUrl(edit.intro.image)), edit.intro.layout, { kind: 'intro' });
    o.visible = time < edit.intro.durationSec;
    canvas.add(o);
  }
  canvas.requestRenderAll();
}

/** TikTok's safe area drawn as guides (not exported: they are not scene objects of the edit). */
export function safeGuides(): FabricObject[] {
  const s = safeArea(DESIGN.width, DESIGN.height);
  const style = { stroke: '#25f4ee', strokeWidth: 3, strokeDashArray: [18, 12], selectable: false, evented: false, excludeFromExport: true };
  const r = s.x + s.width;
  const b = s.y + s.height;
  return [
    new Line([s.x, s.y, r, s.y], style),
    new Line([s.x, b, r, b], style),
    new Line([s.x, s.y, s.x, b], style),
    new Line([r, s.y, r, b], style),
  ];
}
