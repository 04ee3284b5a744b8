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
  /**
   * A top-level box's size is 0: "runs to the end of the file", as a recorder that never
   * finished may leave its media box. Such a file cut short has no box running past its end.
   */
  openEnded?: boolean;
  /** What the movie header (moov) says, when the file has one that fits in it. */
  movie?: Mp4Movie;
}

/** The movie header's facts a demuxer may leave out. */
export interface Mp4Movie {
  /** Each track's handler type, in file order ('vide', 'soun', 'tmcd', 'meta', …). */
  handlers: string[];
  /** mvhd's creation time, seconds since 1904-01-01 UTC (0 when the muxer left it unset). */
  createdSec1904: number;
  /** The moov box's payload. */
  box: Mp4Box;
}

/**
 * A box's size and header length from its first (up to) 16 bytes; `room` is what is left of its
 * parent (or the file) from its start. Size 1: a 64-bit size follows (Infinity when those bytes
 * are missing); size 0: the box runs to the end of its parent.
 */
function boxHeader(b: Uint8Array, room: number): { size: number; header: number } {
  const size = u32(b, 0);
  if (size === 1) return { size: b.length < 16 ? Number.POSITIVE_INFINITY : u32(b, 8) * 2 ** 32 + u32(b, 12), header: 16 };
  return { size: size === 0 ? room : size, header: 8 };
}

/** A box: its type and where its payload lies. */
export interface Mp4Box {
  type: string;
  at: number;
  end: number;
}

/** The boxes directly inside [from, to). */
export async function children(read: ReadBytes, from: number, to: number): Promise<Mp4Box[]> {
  const out: Mp4Box[] = [];
  for (let at = from; at + 8 <= to && out.length < 1000; ) {
    const b = await read(at, Math.min(to, at + 16));
    const { size, header } = boxHeader(b, to - at);
    if (size < header || at + size > to) break;
    out.push({ type: ascii(b, 4, 8), at: at + header, end: at + size });
    at += size;
  }
  return out;
}

/** The tracks' handlers and the creation time, from a few small reads inside moov. */
async function mp4Movie(read: ReadBytes, from: number, to: number): Promise<Mp4Movie> {
  const boxes = await children(read, from, to);
  const handlers: string[] = [];
  let createdSec1904 = 0;
  for (const box of boxes) {
    if (box.type === 'mvhd') {
      const b = await read(box.at, Math.min(box.end, box.at + 12));
      // Version 1 keeps 64-bit times; the high word is 0 until 2040.
      createdSec1904 = b[0] === 1 ? u32(b, 4) * 2 ** 32 + u32(b, 8) : u32(b, 4);
    } else if (box.type === 'trak') {
      const mdia = (await children(read, box.at, box.end)).find((c) => c.type === 'mdia');
      const hdlr = mdia && (await children(read, mdia.at, mdia.end)).find((c) => c.type === 'hdlr');
      // hdlr: version/flags, pre_defined, then the handler type.
      handlers.push(hdlr ? ascii(await read(hdlr.at + 8, hdlr.at + 12), 0, 4) : '');
    }
  }
  return { handlers, createdSec1904, box: { type: 'moov', at: from, end: to } };
}

/** The layout of an MP4/MOV file, or null when the file does not start like one. */
export async function mp4Layout(read: ReadBytes, size: number): Promise<Mp4Layout | null> {
  let at = 0;
  let movie: Mp4Movie | undefined;
  let openEnded = false;
  for (let n = 0; n < MAX_BOXES && at + 8 <= size; n++) {
    const b = await read(at, Math.min(size, at + 16));
    const type = ascii(b, 4, 8);
    if (n === 0 && !TOP_LEVEL.has(type)) return null;
    const { size: boxSize, header } = boxHeader(b, size - at);
    // Garbage where a box should start: damaged, but not provably cut short; ffmpeg has the last word.
    if (boxSize < 8 || !/^[\x20-\x7e]{4}$/.test(type)) return { cutShort: false };
    if (at + boxSize > size) return { cutShort: true };
    if (type === 'moov') movie = await mp4Movie(read, at + header, at + boxSize);
    openEnded ||= u32(b, 0) === 0;
    at += boxSize;
  }
  return { cutShort: false, ...(openEnded && { openEnded }), ...(movie && { movie }) };
}
