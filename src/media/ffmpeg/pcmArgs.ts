/** ffmpeg arguments for speech recognition's input: a range of the first audio stream as 16 kHz mono float PCM. */

/**
 * Reads only [start, start + durationSec) of the audio (input-side -ss/-t: ffmpeg seeks, then
 * decodes just that) and writes raw little-endian float32 samples to `outFile`.
 */
export function pcmArgs(input: string, outFile: string, start: number, durationSec: number, rate: number): string[] {
  const t = (x: number) => Math.max(0, x).toFixed(3);
  return [
    '-hide_banner',
    '-nostdin',
    '-ss',
    t(start),
    '-t',
    t(durationSec),
    '-i',
    input,
    '-map',
    '0:a:0',
    '-vn',
    '-sn',
    '-dn',
    '-ac',
    '1',
    '-ar',
    String(rate),
    '-f',
    'f32le',
    outFile,
  ];
}
