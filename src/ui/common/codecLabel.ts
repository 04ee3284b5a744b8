/** ffprobe's video and audio codec names as people know them. */
const LABELS: Record<string, string> = {
  hevc: 'HEVC (H.265)',
  h264: 'H.264',
  av1: 'AV1',
  vp9: 'VP9',
  vp8: 'VP8',
  prores: 'ProRes',
  mpeg4: 'MPEG-4',
  aac: 'AAC',
  opus: 'Opus',
  mp3: 'MP3',
  vorbis: 'Vorbis',
  flac: 'FLAC',
};

export const codecLabel = (codec: string): string => LABELS[codec] ?? codec.toUpperCase();
