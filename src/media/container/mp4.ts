/**
 * The top-level boxes of an MP4/MOV file, read one 16-byte header at a time. A box that claims
 * more bytes than the file has means the file was cut short (a copy or download that stopped):
 * its header (moov) may still promise the full length while the media data ends early.
 */
import type { ReadBytes } from './bytes';

/** Box types that start or fill an ISO-BMFF/QuickTime file at its top level. */
const TOP_LEVEL = new Set([
  'ftyp',
  'styp',
  'moov',
  'mdat',
  'free',
  'skip',
  'wide',
  'pdin',
  'sidx',
  'moof',
  'mfra',
  'uuid',
  'meta',
  'prft',
  'emsg',
  'junk',
  'pnot',
]);
/** A fragmented recording has a few boxes per fragment; stop long before this. */
const MAX_BOXES = 100_000;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

export interface Mp4Layout {
  /** A top-level box runs past the end of the file. */
  cutShort: boolean;
}

/** The layout of an MP4/MOV file, or null when the file does not start like one. */
export async function mp4Layout(read: ReadBytes, size: number): Promise<Mp4Layout | null> {
  let at = 0;
  for (let n = 0; n < MAX_BOXES && at + 8 <= size; n++) {
    const b = await read(at, Math.min(size, at + 16));
    const type = ascii(b, 4, 8);
    if (n === 0 && !TOP_LEVEL.has(type)) return null;
    let boxSize = u32(b, 0);
    if (boxSize === 1) boxSize = b.length < 16 ? Infinity : u32(b, 8) * 2 ** 32 + u32(b, 12);
    else if (boxSize === 0) boxSize = size - at;
    // Garbage where a box should start: damaged, but not provably cut short; ffmpeg has the last word.
    if (boxSize < 8 || !/^[\x20-\x7e]{4}$/.test(type)) return { cutShort: false };
    if (at + boxSize > size) return { cutShort: true };
    at += boxSize;
  }
  return { cutShort: false };
}
