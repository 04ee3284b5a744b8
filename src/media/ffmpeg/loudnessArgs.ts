/** ffmpeg's side of the loudness envelope: the astats arguments and the parser of what they write. */
import { LOUDNESS_RATE, SILENCE_DB, type Loudness } from '../../domain/recording/loudness';

const METADATA_KEY = 'lavfi.astats.Overall.RMS_level';

/**
 * ffmpeg arguments that write the first audio stream's RMS level per `stepSec` to `outFile`
 * (one `frame:… pts_time:…` line, then one `lavfi.astats.Overall.RMS_level=…` line, per step).
 * Only the audio is read and decoded. The conversion to 16 kHz mono float is inside the graph
 * (aformat), before asetnsamples cuts it into steps; `-ac`/`-ar` would convert after astats.
 * astats measures the overall RMS only (measure_perchannel=none, measure_overall=RMS_level) and
 * starts over on every frame (reset=1). All these options exist in ffmpeg 5.1 and its wasm build.
 */
export function loudnessArgs(input: string, outFile: string, stepSec: number): string[] {
  // The path goes inside the filter graph, where these characters would need escaping.
  if (/[:,;'"\\[\]=\s]/.test(outFile)) throw new RangeError(`Unsupported metadata file path: ${outFile}`);
  const samples = Math.max(1, Math.round(LOUDNESS_RATE * stepSec));
  const filters = [
    `aformat=sample_fmts=flt:sample_rates=${LOUDNESS_RATE}:channel_layouts=mono`,
    `asetnsamples=n=${samples}:p=0`,
    'astats=metadata=1:reset=1:measure_perchannel=none:measure_overall=RMS_level',
    `ametadata=mode=print:key=${METADATA_KEY}:file=${outFile}`,
  ];
  return ['-hide_banner', '-nostdin', '-i', input, '-map', '0:a:0', '-vn', '-sn', '-dn', '-af', filters.join(','), '-f', 'null', '-'];
}

/**
 * Reads the text `ametadata=mode=print:file=…` writes. Each value goes to step ⌊pts_time / stepSec⌋,
 * so dropped or merged frames do not shift the rest; a step with no value takes the previous
 * step's value (silence before the first value). "-inf" (digital silence) becomes SILENCE_DB.
 */
export function parseAstatsMetadata(text: string, stepSec: number): Loudness {
  if (!(stepSec > 0)) throw new RangeError(`stepSec must be > 0, got ${stepSec}`);
  const byIndex = new Map<number, number>();
  let maxIndex = -1;
  let index: number | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('frame:')) {
      const m = /\bpts_time:(-?\d+(?:\.\d*)?(?:e[-+]?\d+)?)/i.exec(line);
      // Tiny negative times (encoder priming) belong to the first step.
      index = m ? Math.max(0, Math.floor(Number(m[1]) / stepSec + 1e-6)) : null;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || index === null || line.slice(0, eq) !== METADATA_KEY) continue;
    const value = parseDb(line.slice(eq + 1));
    if (value === null) continue;
    byIndex.set(index, value);
    if (index > maxIndex) maxIndex = index;
    index = null;
  }
  const db = new Float32Array(maxIndex + 1);
  let last = SILENCE_DB;
  for (let i = 0; i < db.length; i++) {
    last = byIndex.get(i) ?? last;
    db[i] = last;
  }
  return { stepSec, db };
}

function parseDb(text: string): number | null {
  const v = text.trim().toLowerCase();
  if (v === '-inf') return SILENCE_DB;
  const n = Number(v);
  if (v === '' || Number.isNaN(n)) return null;
  return Math.max(SILENCE_DB, n);
}
