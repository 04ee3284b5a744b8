/**
 * A stand-in for the end of a Matroska/WebM file, so ffmpeg can list its last packets without
 * reading the rest. Browser recordings (MediaRecorder, screen capture) are written live: no
 * duration, no cues, clusters of unknown size, so the only way to their length is their last
 * cluster. The stand-in is the file's own header (EBML, Info, Tracks) followed by the bytes from
 * a cluster near the end, all Blob slices: nothing but the tail window is read.
 */
import { indexOfBytes, type ReadBytes } from './bytes';

const ID = {
  EBML: 0x1a45dfa3,
  Segment: 0x18538067,
  Info: 0x1549a966,
  Tracks: 0x1654ae6b,
  Cluster: 0x1f43b675,
  Timestamp: 0xe7,
  Crc32: 0xbf,
} as const;
/** Elements that may follow a cluster at the segment's top level (SeekHead, Cues, Tags, Chapters, Attachments, Void…). */
const TOP_LEVEL = new Set([0x114d9b74, ID.Info, ID.Tracks, ID.Cluster, 0x1c53bb6b, 0x1254c367, 0x1043a770, 0x1941a469, 0xec]);
const CLUSTER_BYTES = new Uint8Array([0x1f, 0x43, 0xb6, 0x75]);
/** A Segment header of unknown size: the stand-in's segment runs to its end. */
const OPEN_SEGMENT = new Uint8Array([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
const HEADER_READ = 12;
const MAX_TOP_ELEMENTS = 64;

export const isMatroska = (firstBytes: Uint8Array): boolean =>
  firstBytes[0] === 0x1a && firstBytes[1] === 0x45 && firstBytes[2] === 0xdf && firstBytes[3] === 0xa3;

interface ElementHeader {
  id: number;
  /** null: unknown size (a live-written element runs until something else starts). */
  size: number | null;
  headerLength: number;
}

/** An EBML variable-length integer: the marker bit kept for IDs, dropped for sizes. */
function readVint(b: Uint8Array, at: number, maxLength: number, keepMarker: boolean): { value: number; length: number; allOnes: boolean } | null {
  const first = b[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > maxLength || at + length > b.length) return null;
  const mask = 0xff >> length;
  let value = keepMarker ? first : first & mask;
  let allOnes = (first & mask) === mask;
  for (let k = 1; k < length; k++) {
    const byte = b[at + k]!;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value, length, allOnes };
}

function readElementHeader(b: Uint8Array, at: number): ElementHeader | null {
  const id = readVint(b, at, 4, true);
  if (!id) return null;
  const size = readVint(b, at + id.length, 8, false);
  if (!size) return null;
  return { id: id.value, size: size.allOnes ? null : size.value, headerLength: id.length + size.length };
}

/** A cluster starts at `at` if its header parses and its first child (after a CRC-32) is its timestamp. */
function clusterAt(b: Uint8Array, at: number): boolean {
  const cluster = readElementHeader(b, at);
  if (!cluster || cluster.id !== ID.Cluster) return false;
  let childAt = at + cluster.headerLength;
  const crc = readElementHeader(b, childAt);
  if (crc?.id === ID.Crc32 && crc.size === 4) childAt += crc.headerLength + 4;
  const child = readElementHeader(b, childAt);
  if (!child || child.id !== ID.Timestamp || child.size === null || child.size < 1 || child.size > 8) return false;
  if (cluster.size === null) return true;
  // With a known size, what follows it (when in view) must be another top-level element.
  const next = at + cluster.headerLength + cluster.size;
  if (next + 4 > b.length) return true;
  const after = readElementHeader(b, next);
  return after !== null && TOP_LEVEL.has(after.id);
}

/** A Blob slice of the file, or bytes of our own. */
export type Piece = Uint8Array | { start: number; end: number };

/** Where the header parts the stand-in needs lie, and where the first cluster starts. */
async function headerLayout(read: ReadBytes, size: number): Promise<{ pieces: Piece[]; firstCluster: number } | null> {
  const start = await read(0, Math.min(size, HEADER_READ));
  const ebml = readElementHeader(start, 0);
  if (!ebml || ebml.id !== ID.EBML || ebml.size === null) return null;
  const segmentAt = ebml.headerLength + ebml.size;
  const segment = readElementHeader(await read(segmentAt, Math.min(size, segmentAt + HEADER_READ)), 0);
  if (!segment || segment.id !== ID.Segment) return null;
  const kept: Piece[] = [];
  let hasTracks = false;
  let at = segmentAt + segment.headerLength;
  for (let n = 0; n < MAX_TOP_ELEMENTS && at < size; n++) {
    const el = readElementHeader(await read(at, Math.min(size, at + HEADER_READ)), 0);
    if (!el) return null;
    if (el.id === ID.Cluster) return hasTracks ? { pieces: [{ start: 0, end: segmentAt }, OPEN_SEGMENT, ...kept], firstCluster: at } : null;
    if (el.size === null) return null;
    const end = at + el.headerLength + el.size;
    if (el.id === ID.Info || el.id === ID.Tracks) kept.push({ start: at, end });
    hasTracks ||= el.id === ID.Tracks;
    at = end;
  }
  return null;
}

/**
 * The pieces of the stand-in file, or null when this is not Matroska or no cluster start is found
 * in the last `maxWindow` bytes (the caller then trusts the header, or reads the file through).
 */
export async function matroskaTail(read: ReadBytes, size: number, firstWindow = 4 << 20, maxWindow = 32 << 20): Promise<Piece[] | null> {
  const header = await headerLayout(read, size);
  if (!header) return null;
  for (let window = firstWindow; ; window *= 2) {
    const from = Math.max(header.firstCluster, size - window);
    const bytes = await read(from, size);
    for (let i = indexOfBytes(bytes, CLUSTER_BYTES); i !== -1; i = indexOfBytes(bytes, CLUSTER_BYTES, i + 1)) {
      if (clusterAt(bytes, i)) return [...header.pieces, { start: from + i, end: size }];
    }
    if (from === header.firstCluster || window >= maxWindow) return null;
  }
}

/** The stand-in as a Blob: slices of the recording and the few bytes of our own, never copied. */
export const piecesBlob = (recording: Blob, pieces: Piece[]): Blob =>
  new Blob(pieces.map((p) => (p instanceof Uint8Array ? (p as Uint8Array<ArrayBuffer>) : recording.slice(p.start, p.end))));
