/** How text overlays look: the caption / intro styles, the bundled fonts and the text colours. */

/** 'plate': text on a dark rounded plate; 'outline': heavy text with a thick outline; 'box': dark text on a light box. */
export type TextStyle = 'plate' | 'outline' | 'box';

export const TEXT_STYLES: ReadonlyArray<{ id: TextStyle; label: string }> = [
  { id: 'plate', label: 'Plate' },
  { id: 'outline', label: 'Bold outline' },
  { id: 'box', label: 'Box' },
];

/** Fonts bundled with the app (src/canvas/fonts.ts), so renders look the same offline and everywhere. */
export type FontId = 'inter' | 'anton' | 'playfair';

export const FONTS: ReadonlyArray<{ id: FontId; label: string }> = [
  { id: 'inter', label: 'Inter (clean)' },
  { id: 'anton', label: 'Anton (headline)' },
  { id: 'playfair', label: 'Playfair Display (elegant)' },
];

export const DEFAULT_FONT: FontId = 'inter';

export const TEXT_COLORS: ReadonlyArray<{ value: string; label: string }> = [
  { value: '#ffffff', label: 'White' },
  { value: '#111111', label: 'Black' },
  { value: '#ffd400', label: 'Yellow' },
  { value: '#fe2c55', label: 'Pink' },
  { value: '#25f4ee', label: 'Cyan' },
];

/** Font size of the user's own text, in design pixels (the 1080-wide frame). */
export const TEXT_SIZE = { min: 32, max: 180, initial: 96 } as const;

/** Black or white, whichever stands out against `hex` (#rrggbb): outlines and boxes behind text. */
export function contrastOf(hex: string): '#000000' | '#ffffff' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#000000';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16) / 255) as [number, number, number];
  // Rec. 601 luma, the weights the output video uses.
  return 0.299 * r + 0.587 * g + 0.114 * b > 0.5 ? '#000000' : '#ffffff';
}
