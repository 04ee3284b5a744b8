/** Pure colours (sRGB 0–255) with known Y′CbCr: the patches both the unit and the e2e colour tests use. */
export type Rgb = [number, number, number];

export const COLOUR_BARS: Rgb[] = [
  [255, 255, 255],
  [0, 0, 0],
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
  [128, 128, 128],
  [255, 255, 0],
  [0, 255, 255],
];
