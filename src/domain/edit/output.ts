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
 * Both engines write SDR pictures in BT.601 (smpte170m) limited range, tagged so: it is what
 * Chromium's H.264 encoder makes of canvas frames, and the ffmpeg engine matches it, so a short
 * looks the same whichever engine made it and its tags always describe its pixels.
 */
export const OUTPUT_COLOR = { matrix: 'smpte170m', primaries: 'smpte170m', transfer: 'smpte170m', range: 'tv' } as const;

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
