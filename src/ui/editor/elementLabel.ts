import type { ElementRef } from '../../domain/edit/elements';
import type { ClipEdit } from '../../domain/edit/model';
import type { StickerInfo } from '../../app/browser/stickers';

const QUOTE_MAX = 24;

/** What the user calls an overlay: "Captions", "Intro card", "SALE sticker", 'Text "Hello"'. */
export function elementLabel(ref: ElementRef, edit: ClipEdit, stickers: readonly StickerInfo[]): string {
  switch (ref.kind) {
    case 'caption':
      return 'Captions';
    case 'intro':
      return 'Intro card';
    case 'sticker': {
      const s = edit.stickers.find((x) => x.key === ref.key);
      if (!s || s.image) return 'Your image';
      return `${stickers.find((i) => i.id === s.stickerId)?.label ?? s.stickerId ?? 'Star'} sticker`;
    }
    case 'text': {
      const text =
        (edit.texts ?? [])
          .find((t) => t.key === ref.key)
          ?.text.replace(/\s+/g, ' ')
          .trim() ?? '';
      return `Text “${text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text}”`;
    }
  }
}
