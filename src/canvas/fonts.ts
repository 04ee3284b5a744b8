import { cache } from 'fabric';
import inter800 from '@fontsource/inter/files/inter-latin-800-normal.woff2?url';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';

export const FONT_FAMILY = 'Inter';

let loaded: Promise<void> | undefined;

/**
 * The bundled font, loaded before any text is drawn so the canvas and the rendered video look
 * the same on every machine and offline. Fabric caches glyph widths: clear it once fonts arrive.
 */
export function loadFonts(): Promise<void> {
  loaded ??= Promise.all(
    [
      ['700', inter700],
      ['800', inter800],
    ].map(async ([weight, url]) => {
      const face = new FontFace(FONT_FAMILY, `url(${url})`, { weight: weight! });
      document.fonts.add(await face.load());
    }),
  ).then(() => cache.clearFontCache());
  return loaded;
}
