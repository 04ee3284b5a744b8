/**
 * Quality presets for the shorts. TikTok recommends 1080×1920 H.264 at 30 fps; it re-encodes
 * uploads, so more than ~10 Mb/s only costs upload time. Each preset says what both engines do:
 * the WebCodecs encoder's bitrate (scaled by the frame's pixel count, so 720×1280 gets less) and
 * libx264's speed preset and CRF for ffmpeg.wasm.
 */
export type QualityId = 'fast' | 'balanced' | 'best';

export interface QualityPreset {
  id: QualityId;
  label: string;
  /** Video bitrate at 1080×1920, bits per second. */
  bitrate1080: number;
  x264Preset: 'ultrafast' | 'veryfast' | 'faster';
  crf: number;
  audioKbps: number;
}

export const QUALITY_PRESETS: readonly QualityPreset[] = [
  { id: 'fast', label: 'Fast', bitrate1080: 5_000_000, x264Preset: 'ultrafast', crf: 23, audioKbps: 128 },
  { id: 'balanced', label: 'Balanced', bitrate1080: 8_000_000, x264Preset: 'veryfast', crf: 21, audioKbps: 160 },
  { id: 'best', label: 'Best', bitrate1080: 12_000_000, x264Preset: 'faster', crf: 19, audioKbps: 192 },
];

export const DEFAULT_QUALITY: QualityId = 'balanced';

export function qualityPreset(id: string | undefined): QualityPreset {
  const found = QUALITY_PRESETS.find((q) => q.id === id) ?? QUALITY_PRESETS.find((q) => q.id === DEFAULT_QUALITY);
  if (!found) throw new Error('no quality presets');
  return found;
}

/** The preset's video bitrate for a frame of width×height, in bits per second. */
export function videoBitrate(preset: QualityPreset, width: number, height: number): number {
  return Math.round((preset.bitrate1080 * (width * height)) / (1080 * 1920));
}
