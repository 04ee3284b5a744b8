import { cache } from 'fabric';
import inter800 from '@fontsource/inter/files/inter-latin-800-normal.woff2?url';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import anton400 from '@fontsource/anton/files/anton-latin-400-normal.woff2?url';
import playfair800 from '@fontsource/playfair-display/files/playfair-display-latin-800-normal.woff2?url';
import type { FontId } from '../domain/edit/textStyle';

/** A bundled font as the canvas uses it: its family and the weights for bold and extra-bold text. */
export interface CanvasFont {
  family: string;
  bold: string;
  heavy: string;
}

/**
 * The bundled fonts (all SIL Open Font License 1.1, from @fontsource): Inter for clean UI-like
 * text; Anton, a condensed headline face (one weight, already heavy); Playfair Display, a serif
 * for fashion and beauty products (one heavy weight keeps the download small).
 */
const FONTS: Record<FontId, CanvasFont & { files: ReadonlyArray<readonly [weight: string, url: string]> }> = {
  inter: {
    family: 'Inter',
    bold: '700',
    heavy: '800',
    files: [
      ['700', inter700],
      ['800', inter800],
    ],
  },
  anton: { family: 'Anton', bold: '400', heavy: '400', files: [['400', anton400]] },
  playfair: { family: 'Playfair Display', bold: '800', heavy: '800', files: [['800', playfair800]] },
};

/** The font for `id`; edits saved before fonts could be chosen use Inter. */
export const canvasFont = (id: FontId | undefined): CanvasFont => FONTS[id ?? 'inter'];

let loaded: Promise<void> | undefined;

/**
 * The bundled fonts, loaded before any text is drawn so the canvas and the rendered video look
 * the same on every machine and offline. Fabric caches glyph widths: clear it once fonts arrive.
 */
export function loadFonts(): Promise<void> {
  loaded ??= Promise.all(
    Object.values(FONTS).flatMap(({ family, files }) =>
      files.map(async ([weight, url]) => {
        const face = new FontFace(family, `url(${url})`, { weight });
        document.fonts.add(await face.load());
      }),
    ),
  ).then(() => cache.clearFontCache());
  return loaded;
}
