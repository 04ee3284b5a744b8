import { outputPreset, type OutputPresetId } from '../edit/output';
import { qualityPreset, videoBitrate, type QualityId } from '../edit/quality';

/**
 * About how many bytes a short takes: the preset's video and audio bitrates over its length, plus
 * the MP4's own overhead. The fast engine aims at those bitrates; ffmpeg's CRF output is usually
 * smaller, so this errs on the side of warning.
 */
export function estimateShortBytes(output: OutputPresetId, quality: QualityId | undefined, durationSec: number): number {
  const size = outputPreset(output);
  const preset = qualityPreset(quality);
  const bitsPerSec = videoBitrate(preset, size.width, size.height) + preset.audioKbps * 1000;
  return Math.ceil(((bitsPerSec * durationSec) / 8) * 1.05) + 64_000;
}
