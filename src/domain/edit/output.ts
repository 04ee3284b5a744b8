/** Output presets for the vertical videos (TikTok: 9:16, 30 fps). */

export const OUTPUT_FPS = 30;

export interface OutputSize {
  width: number;
  height: number;
  fps: number;
}

export type OutputPresetId = 'hd' | 'fast';

export interface OutputPreset extends OutputSize {
  id: OutputPresetId;
  label: string;
}

export const OUTPUT_PRESETS: readonly OutputPreset[] = [
  { id: 'hd', label: '1080×1920 (HD)', width: 1080, height: 1920, fps: OUTPUT_FPS },
  { id: 'fast', label: '720×1280 (faster)', width: 720, height: 1280, fps: OUTPUT_FPS },
];

export const DEFAULT_OUTPUT_PRESET: OutputPresetId = 'hd';

/** The preset with this id; unknown ids (e.g. from an older saved project) get the default. */
export function outputPreset(id: string): OutputPreset {
  const found = OUTPUT_PRESETS.find((p) => p.id === id) ?? OUTPUT_PRESETS.find((p) => p.id === DEFAULT_OUTPUT_PRESET);
  if (!found) throw new Error('no output presets');
  return found;
}

/**
 * Both engines write SDR pictures in BT.709 limited range, tagged so: what phones, players and
 * TikTok expect of HD and vertical video. Neither engine leaves the RGB→YUV step to the browser
 * (Chromium builds differ: one wrote BT.601 limited, the next BT.709 full range): the WebCodecs
 * engine converts its canvas with these coefficients (media/webcodecs/i420.ts) and hands the
 * encoder YUV frames tagged so, and ffmpeg converts video and overlays with the same matrix.
 */
export const OUTPUT_COLOR = { matrix: 'bt709', primaries: 'bt709', transfer: 'bt709', range: 'tv' } as const;

/** BT.709's luma weights of R and B (G gets the rest). */
export const OUTPUT_LUMA = { kr: 0.2126, kb: 0.0722 } as const;

/**
 * An sRGB colour (0–255 each) as 8-bit limited-range Y′CbCr with the given luma weights: the
 * values a short's pixels must decode to (unrounded).
 */
export function limitedYcbcr([r, g, b]: readonly [number, number, number], { kr, kb }: { kr: number; kb: number } = OUTPUT_LUMA): [number, number, number] {
  const y = (kr * r + (1 - kr - kb) * g + kb * b) / 255;
  return [16 + 219 * y, 128 + (224 * (b / 255 - y)) / (2 * (1 - kb)), 128 + (224 * (r / 255 - y)) / (2 * (1 - kr))];
}

/** The matrix to read a source's YUV with (ffmpeg's scale names); untagged HD is BT.709, as browsers assume. */
export function sourceMatrix(source: { colorMatrix?: string; width: number; height: number }): 'bt709' | 'bt601' | 'bt2020' | 'smpte240m' | 'fcc' {
  switch (source.colorMatrix) {
    case 'bt709':
      return 'bt709';
    case 'smpte170m':
    case 'bt470bg':
      return 'bt601';
    case 'bt2020nc':
    case 'bt2020c':
      return 'bt2020';
    case 'smpte240m':
      return 'smpte240m';
    case 'fcc':
      return 'fcc';
    default:
      return Math.min(source.width, source.height) >= 720 ? 'bt709' : 'bt601';
  }
}
