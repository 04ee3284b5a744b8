import type { CropPin } from './cropPath';
import type { ClipFacts } from '../clip/override';
import type { Product } from '../clicklog/model';
import { capText, PRICE_MAX, PRODUCT_NAME_MAX } from '../format';
import { productCaptions, cuesForClip, type Cue } from './captions';
import type { OutputPresetId } from './output';
import type { QualityId } from './quality';
import { suggestPost } from './postText';
import type { ReframeMode } from './reframe';
import { safeArea } from './safeArea';
import type { CaptionLook, CaptionStyle } from './captionStyle';
import type { FontId, TextStyle } from './textStyle';
import type { SpeechModelId } from '../speech/models';
import type { TightenEdit } from './tighten';
import type { HookEdit } from './hook';

/**
 * Layouts live in one design space, the HD frame; the fast preset scales them down. Positions
 * are object centres (Fabric 7's default origin), so a rotation keeps the element in place.
 */
export const DESIGN = { width: 1080, height: 1920 } as const;

export interface ElementLayout {
  x: number;
  y: number;
  scale: number;
  angle: number;
}

export interface StickerEdit {
  key: string;
  /** A bundled sticker (public/stickers/<id>.svg)… */
  stickerId?: string;
  /** …or the user's own PNG/SVG. */
  image?: Blob;
  from: number;
  to: number;
  layout: ElementLayout;
}

/** The user's own text overlay. */
export interface TextEdit {
  key: string;
  text: string;
  /** Font size in design pixels. */
  size: number;
  /** #rrggbb, one of TEXT_COLORS. */
  color: string;
  font: FontId;
  style: TextStyle;
  from: number;
  to: number;
  layout: ElementLayout;
}

/**
 * Everything the user can adjust for one clip; stored per clip, survives a reload. Optional
 * fields are absent in edits saved before they existed: their defaults apply.
 */
export interface ClipEdit {
  output: OutputPresetId;
  quality?: QualityId;
  reframe: ReframeMode;
  /** Where the crop window sits across a wider source: 0 left edge … 1 right edge (default ½, centred). */
  cropX?: number;
  /** The crop pinned at moments of the clip (cropPath.ts): with pins, the crop moves and `cropX` is not used. */
  cropPins?: CropPin[];
  /** The pins were found by following the host's face ("Follow the host"); the seller may move them. */
  followHost?: boolean;
  intro: { enabled: boolean; name: string; price: string; durationSec: number; image?: Blob; layout: ElementLayout; style?: TextStyle; font?: FontId };
  /**
   * Cue times relative to the clip start. `fromTranscript` says where the text came from;
   * `speechModel` that it was transcribed on this device by that model (src/speech), not imported.
   */
  captions: {
    enabled: boolean;
    fromTranscript: boolean;
    cues: Cue[];
    layout: ElementLayout;
    style?: CaptionStyle;
    font?: FontId;
    color?: string;
    accent?: string;
    speechModel?: SpeechModelId;
  };
  stickers: StickerEdit[];
  texts?: TextEdit[];
  music: { enabled: boolean; trackId: string; file?: Blob; fileName?: string; volume: number };
  post: string;
  /**
   * Stacking order of the overlays by ref id ('caption', 'sticker-<key>', 'text-<key>', 'intro'),
   * bottom to top, once the seller has moved a layer; ones not listed (added since) go on top.
   * Absent: captions, stickers, texts, then the intro card (src/domain/edit/elements.ts).
   */
  order?: string[];
  /** Pauses cut ("Tighten"); absent: the project's setting, with the default threshold. */
  tighten?: TightenEdit;
  /** A teaser of the clip's peak first (hook.ts); absent: the plain clip. */
  hook?: HookEdit;
  /** The clip range and product this edit was made for; absent: the selection's pick (src/domain/edit/follow.ts). */
  madeFor?: ClipFacts;
}

export const INTRO_SEC = 2.5;
export const DEFAULT_MUSIC = { trackId: 'beat-loop', volume: 0.35 } as const;

export interface AutoEditInput {
  pick: { start: number; end: number };
  product: Product;
  /** The project's transcript, in recording time. */
  transcript?: Cue[];
  hashtags: readonly string[];
  /** The project's default caption look (new clips start with it). */
  captionLook?: CaptionLook;
}

/** The one-click edit: defaults that look right without touching anything. */
export function autoEdit({ pick, product, transcript, hashtags, captionLook }: AutoEditInput): ClipEdit {
  const duration = pick.end - pick.start;
  // Capped again here: logs stored before names were capped on import can hold a megabyte.
  const name = capText(product.name ?? product.id, PRODUCT_NAME_MAX);
  const price = formatPrice(product.price && capText(product.price, PRICE_MAX));
  const safe = safeArea(DESIGN.width, DESIGN.height);
  const clipCues = transcript ? cuesForClip(transcript, pick.start, pick.end) : [];
  const fromTranscript = clipCues.length > 0;
  return {
    output: 'hd',
    reframe: 'blur',
    intro: {
      enabled: true,
      name,
      price,
      durationSec: Math.min(INTRO_SEC, duration / 2),
      layout: { x: safe.x + safe.width / 2, y: safe.y + safe.height * 0.3, scale: 1, angle: 0 },
    },
    captions: {
      enabled: true,
      fromTranscript,
      cues: fromTranscript ? clipCues : productCaptions(name, price || undefined, duration, undefined, Math.min(INTRO_SEC, duration / 2)),
      layout: { x: safe.x + safe.width / 2, y: safe.y + safe.height - 150, scale: 1, angle: 0 },
      ...captionLook,
    },
    stickers: [
      {
        key: 'sticker-1',
        stickerId: 'sale',
        from: 0,
        to: duration,
        // 0.7: the tilted 256-px sticker's box (215 px) stays inside the safe area at this spot.
        layout: { x: safe.x + safe.width - 110, y: safe.y + 110, scale: 0.7, angle: -12 },
      },
    ],
    music: { enabled: true, ...DEFAULT_MUSIC },
    post: suggestPost({ productName: name, ...(price && { price }), defaults: [...hashtags] }).text,
    madeFor: { start: pick.start, end: pick.end, product },
  };
}

/** "24.99" → "$24.99"; keeps text that already has a currency sign or words. */
export function formatPrice(price: string | undefined): string {
  const p = price?.trim() ?? '';
  return /^\d+(\.\d+)?$/.test(p) ? `$${p}` : p;
}
