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
