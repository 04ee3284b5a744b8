/**
 * Text as drawn on the canvas and in the render: captions and the user's own text, in one of the
 * text styles (domain/edit/textStyle.ts). The render exports these same objects as PNGs, so both
 * engines show exactly what the canvas shows.
 */
import { Group, Rect, Textbox, type FabricObject } from 'fabric';
import type { TextEdit } from '../domain/edit/model';
import type { CaptionLook } from '../domain/edit/captionStyle';
import { contrastOf, type FontId, type TextStyle } from '../domain/edit/textStyle';
import type { TimedWord } from '../domain/edit/wordTiming';
import { canvasFont } from './fonts';

interface Look {
  style: TextStyle;
  font: FontId | undefined;
  size: number;
  /** Text colour ('plate', 'outline') or box colour ('box'). */
  color: string;
  /** Lines wrap at this width (design pixels). */
  wrapWidth: number;
  /** A plate this wide whatever the text (today's captions); otherwise boxes hug the text. */
  plateWidth?: number;
}

/** A Textbox no wider than its longest line (Fabric keeps the wrap width otherwise). */
function textbox(text: string, look: Look, extra: Partial<Textbox>): Textbox {
  const font = canvasFont(look.font);
  const box = new Textbox(text, {
    width: look.wrapWidth,
    fontFamily: font.family,
    fontWeight: look.style === 'plate' ? font.bold : font.heavy,
    fontSize: look.size,
    lineHeight: 1.1,
    textAlign: 'center',
    originX: 'center',
    originY: 'center',
    left: 0,
    top: 0,
    ...extra,
  });
  if (look.plateWidth === undefined) {
    box.set({ width: Math.min(look.wrapWidth, Math.ceil(box.calcTextWidth()) + 2) });
    box.initDimensions();
  }
  return box;
}

/** `mark` recolours part of the text after layout (the spoken word): the geometry stays the same. */
function styledText(text: string, look: Look, mark?: (box: Textbox) => void): FabricObject {
  const padX = Math.round(look.size * 0.5);
  const padY = Math.round(look.size * 0.37);
  const backed = (fill: string, textFill: string, radius: number) => {
    const box = textbox(text, look, { fill: textFill });
    mark?.(box);
    const plate = new Rect({
      width: look.plateWidth ?? box.width + 2 * padX,
      height: box.height + 2 * padY,
      rx: radius,
      ry: radius,
      fill,
      originX: 'center',
      originY: 'center',
      left: 0,
      top: 0,
    });
    return new Group([plate, box], { originX: 'center', originY: 'center' });
  };
  switch (look.style) {
    case 'plate':
      return backed('rgba(0,0,0,0.62)', look.color, Math.round(look.size * 0.4));
    case 'box':
      return backed(look.color, contrastOf(look.color), Math.round(look.size * 0.26));
    case 'outline': {
      // The outline is painted under the fill, so it only thickens the letters outwards.
      const stroke = Math.max(4, Math.round(look.size * 0.16));
      const box = textbox(text, look, { fill: look.color, stroke: contrastOf(look.color), strokeWidth: stroke, paintFirst: 'stroke', strokeLineJoin: 'round' });
      mark?.(box);
      // A transparent margin so the outline of the outermost glyphs is never cut off in the export.
      const margin = new Rect({
        width: box.width + 2 * stroke,
        height: box.height + 2 * stroke,
        fill: 'transparent',
        originX: 'center',
        originY: 'center',
        left: 0,
        top: 0,
      });
      return new Group([margin, box], { originX: 'center', originY: 'center' });
    }
  }
}

const CAPTION_WRAP = 760;
const CAPTION_SIZE = 54;

/**
 * One caption cue in the clip's caption look ('plate' is today's look: a fixed-width dark plate).
 * 'highlight' is drawn as 'outline' with `word` (a word of `text`, see wordTiming.ts) in the
 * accent colour: every word's image has exactly the same layout, so nothing moves between words.
 */
export function captionBox(text: string, look: CaptionLook, word?: Pick<TimedWord, 'text' | 'index'>): FabricObject {
  const style = look.style === 'highlight' ? 'outline' : look.style;
  const mark =
    look.style === 'highlight' && word
      ? (box: Textbox) => {
          // Fabric counts graphemes (its own split), newlines included.
          const from = box.graphemeSplit(text.slice(0, word.index)).length;
          box.setSelectionStyles({ fill: look.accent }, from, from + box.graphemeSplit(word.text).length);
        }
      : undefined;
  return styledText(
    text,
    { style, font: look.font, size: CAPTION_SIZE, color: look.color, wrapWidth: CAPTION_WRAP, ...(style === 'plate' && { plateWidth: CAPTION_WRAP + 56 }) },
    mark,
  );
}

/** Wide enough for the safe area's width (874 of 1080). */
const TEXT_WRAP = 860;

/** The user's own text overlay. */
export const textOverlay = (t: TextEdit): FabricObject =>
  styledText(t.text, { style: t.style, font: t.font, size: t.size, color: t.color, wrapWidth: TEXT_WRAP });
