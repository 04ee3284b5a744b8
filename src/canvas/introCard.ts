import { FabricImage, Group, Rect, Textbox, type FabricObject } from 'fabric';
import type { ClipEdit } from '../domain/edit/model';
import type { TextStyle } from '../domain/edit/textStyle';
import { capText, PRICE_MAX, PRODUCT_NAME_MAX } from '../domain/format';
import { canvasFont } from './fonts';

const ACCENT = '#fe2c55';
const IMAGE_BOX = 260;
const TEXT_WIDTH = 640;

/** Per style: the card behind the text (none for 'outline'), the text colours and their outline. */
const LOOKS: Record<TextStyle, { card?: string; name: string; price: string; stroke?: string }> = {
  plate: { card: 'rgba(17,19,24,0.88)', name: '#ffffff', price: '#ffd400' },
  box: { card: '#ffffff', name: '#111111', price: ACCENT },
  outline: { name: '#ffffff', price: '#ffd400', stroke: '#000000' },
};

/** The product intro card: the product's image (when given), name and price, in the intro's style. */
export async function introCard(edit: ClipEdit['intro'], imageUrl?: string): Promise<FabricObject> {
  const look = LOOKS[edit.style ?? 'plate'];
  const font = canvasFont(edit.font);
  const image = imageUrl ? await FabricImage.fromURL(imageUrl) : undefined;
  const imageH = image ? IMAGE_BOX + 24 : 0;
  if (image) {
    const k = Math.min(IMAGE_BOX / image.width, IMAGE_BOX / image.height);
    image.set({ scaleX: k, scaleY: k, originX: 'center', originY: 'top', left: 0, top: 0 });
  }
  const text = (value: string, fontSize: number, fill: string, top: number, lineHeight?: number) =>
    new Textbox(value, {
      width: TEXT_WIDTH,
      fontFamily: font.family,
      fontWeight: font.heavy,
      fontSize,
      ...(lineHeight && { lineHeight }),
      fill,
      ...(look.stroke && { stroke: look.stroke, strokeWidth: Math.round(fontSize * 0.16), paintFirst: 'stroke' as const, strokeLineJoin: 'round' as const }),
      textAlign: 'center',
      originX: 'center',
      originY: 'top',
      left: 0,
      top,
    });
  // Capped: a megabyte of name wraps into a card taller than any canvas, and the render fails.
  const name = text(capText(edit.name, PRODUCT_NAME_MAX), 64, look.name, imageH, 1.05);
  const price = text(capText(edit.price, PRICE_MAX), 84, look.price, imageH + name.height + 16);
  const contentH = imageH + name.height + (edit.price ? 16 + price.height : 0);
  // Without a card, a transparent one keeps the group's box (and the exported PNG) the same size.
  const card = new Rect({
    width: 720,
    height: contentH + 96,
    rx: 36,
    ry: 36,
    fill: look.card ?? 'transparent',
    ...(look.card && { stroke: ACCENT, strokeWidth: 8 }),
    originX: 'center',
    originY: 'top',
    left: 0,
    top: -48,
  });
  const parts: FabricObject[] = [card, ...(image ? [image] : []), name, ...(edit.price ? [price] : [])];
  return new Group(parts, { originX: 'center', originY: 'center' });
}
