/**
 * How a clip's captions look: the text styles (textStyle.ts) plus the word-by-word highlight,
 * which only captions have (their words are timed, see wordTiming.ts), and the two colours.
 * A clip stores its own look; the project's default look is what new clips start with.
 */
import { DEFAULT_FONT, TEXT_STYLES, type FontId, type TextStyle } from './textStyle';

/** 'highlight': bold outlined text with the word being spoken in the accent colour. */
export type CaptionStyle = TextStyle | 'highlight';

export const CAPTION_STYLES: ReadonlyArray<{ id: CaptionStyle; label: string }> = [...TEXT_STYLES, { id: 'highlight', label: 'Word highlight' }];

export interface CaptionLook {
  style: CaptionStyle;
  font: FontId;
  /** #rrggbb: the text ('plate', 'outline', 'highlight') or the box ('box'). */
  color: string;
  /** #rrggbb: the spoken word in the 'highlight' style. */
  accent: string;
}

/** Today's look (white on a dark plate); yellow is the usual highlight colour of short-video captions. */
export const DEFAULT_CAPTION_LOOK: CaptionLook = { style: 'plate', font: DEFAULT_FONT, color: '#ffffff', accent: '#ffd400' };

/** The look of stored captions (or a stored default); fields saved before they existed take the default. */
export function captionLook(saved: Partial<CaptionLook> | undefined): CaptionLook {
  return {
    style: saved?.style ?? DEFAULT_CAPTION_LOOK.style,
    font: saved?.font ?? DEFAULT_CAPTION_LOOK.font,
    color: saved?.color ?? DEFAULT_CAPTION_LOOK.color,
    accent: saved?.accent ?? DEFAULT_CAPTION_LOOK.accent,
  };
}
