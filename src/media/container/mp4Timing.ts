/**
 * When each track of a progressive MP4/MOV starts and ends, its first frames' lengths, and whether
 * its last sample's bytes are in the file, read from the index's run-length tables (mdhd, elst,
 * stts, ctts, stsc, stco/co64 and the tail of stsz). mediabunny answers the same questions by
 * building every track's whole sample table first: 1.4 million samples in a 5-hour recording,
 * seconds in a browser worker. Times follow mediabunny's reading (its first edit only; an empty
 * edit before it delays the track), so the probe's figures do not change. Null where a file is
 * anything else (fragmented, several edits, a rate other than 1, a table missing): mediabunny then.
 */
import type { ReadBytes } from './bytes';
import { children, type Mp4Box } from './mp4';

export interface TrackTiming {
  handler: string;
  /** The earliest presentation time (seconds). */
  firstSec: number;
  /** The end of the latest-presented sample (its time plus its length; seconds). */
  endSec: number;
  /**
   * The first samples in decode order (at most `headCount`): presentation time and length
   * (seconds), the length as mediabunny gives a packet's: up to the next frame presented.
   */
  head: { t: number; d: number }[];
  /** Whether the bytes of the latest-presented sample are in the file. */
  lastReadable: boolean;
}

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const i32 = (b: Uint8Array, at: number) => (b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!;
const u64 = (b: Uint8Array, at: number) => u32(b, at) * 2 ** 32 + u32(b, at + 4);
const i64 = (b: Uint8Array, at: number) => i32(b, at) * 2 ** 32 + u32(b, at + 4);

/** Frames a decoder may hold back for reordering, at most: a frame's successor on screen is this close in decode order. */
const REORDER = 32;

/** A box's payload: version, then run-length entries after the 8-byte (version, flags, count) header. */
const payload = (read: ReadBytes, box: Mp4Box) => read(box.at, box.end);
const find = (boxes: readonly Mp4Box[], type: string) => boxes.find((b) => b.type === type);

/** mediabunny's edit list reading: the first edit with media, delayed by the empty edits before it (movie timescale). */
function editOffset(elst: Uint8Array | undefined, timescale: number, movieTimescale: number): number | null {
  if (!elst) return 0;
  const v1 = elst[0] === 1;
  const count = u32(elst, 4);
  const entry = v1 ? 20 : 12;
  let empty = 0;
  let found: number | null = null;
  for (let i = 0; i < count; i++) {
    const at = 8 + i * entry;
    if (at + entry > elst.length) return null;
    const duration = v1 ? u64(elst, at) : u32(elst, at);
    const mediaTime = v1 ? i64(elst, at + 8) : i32(elst, at + 4);
    const rate = i32(elst, at + entry - 4) / 65536;
    if (found !== null) return null;
    if (mediaTime === -1) {
      empty += duration;
      continue;
    }
    if (rate !== 1) return null;
    found = mediaTime;
  }
  return (found ?? 0) - Math.round((empty / movieTimescale) * timescale);
}

/** The byte range of sample `index` (0-based) from the chunk tables and sample sizes. */
async function sampleBytes(read: ReadBytes, stbl: readonly Mp4Box[], index: number): Promise<{ at: number; size: number } | null> {
  const stsc = find(stbl, 'stsc');
  const stsz = find(stbl, 'stsz');
  const stco = find(stbl, 'stco') ?? find(stbl, 'co64');
  if (!stsc || !stsz || !stco) return null;
  const sc = await payload(read, stsc);
  const wide = stco.type === 'co64';
  const chunks = u32(await read(stco.at + 4, stco.at + 8), 0);
  let first = 0;
  for (let e = 0, n = u32(sc, 4); e < n; e++) {
    const firstChunk = u32(sc, 8 + e * 12) - 1;
    const perChunk = u32(sc, 12 + e * 12);
    const nextChunk = e + 1 < n ? u32(sc, 8 + (e + 1) * 12) - 1 : chunks;
    const inRun = (nextChunk - firstChunk) * perChunk;
    if (index < first + inRun) {
      const chunk = firstChunk + Math.floor((index - first) / perChunk);
      const chunkFirst = index - ((index - first) % perChunk);
      const entry = await read(stco.at + 8 + chunk * (wide ? 8 : 4), stco.at + 8 + (chunk + 1) * (wide ? 8 : 4));
      const chunkAt = wide ? u64(entry, 0) : u32(entry, 0);
      const sz = await read(stsz.at, stsz.at + 12);
      const fixed = u32(sz, 4);
      if (fixed) return { at: chunkAt + (index - chunkFirst) * fixed, size: fixed };
      const sizes = await read(stsz.at + 12 + chunkFirst * 4, stsz.at + 12 + (index + 1) * 4);
      let at = chunkAt;
      for (let k = 0; k < index - chunkFirst; k++) at += u32(sizes, k * 4);
      return { at, size: u32(sizes, (index - chunkFirst) * 4) };
    }
    first += inRun;
  }
  return null;
}

/**
 * Every sample in decode order, run by run: dts grows by each stts delta, ctts (read signed, as
 * mediabunny does) shifts presentation. The earliest presentation time, the latest-presented
 * sample, and the first ones. Null for a track without samples.
 */
function walkSamples(stts: Uint8Array, ctts: Uint8Array | undefined, offset: number, headCount: number) {
  const runs = ctts ? u32(ctts, 4) : 0;
  let dts = 0;
  let c = 0;
  let cLeft = ctts && runs > 0 ? u32(ctts, 8) : 0;
  let cOffset = ctts && runs > 0 ? i32(ctts, 12) : 0;
  let index = 0;
  let minPts = Number.POSITIVE_INFINITY;
  let max = { pts: Number.NEGATIVE_INFINITY, end: 0, index: -1 };
  const early: { pts: number; delta: number }[] = [];
  for (let e = 0, n = u32(stts, 4); e < n; e++) {
    const count = u32(stts, 8 + e * 8);
    const delta = u32(stts, 12 + e * 8);
    for (let k = 0; k < count; k++, index++) {
      while (ctts && cLeft === 0 && ++c < runs) {
        cLeft = u32(ctts, 8 + c * 8);
        cOffset = i32(ctts, 12 + c * 8);
      }
      const pts = dts + cOffset - offset;
      cLeft--;
      if (pts < minPts) minPts = pts;
      if (pts >= max.pts) max = { pts, end: pts + delta, index };
      if (early.length < headCount + REORDER) early.push({ pts, delta });
      dts += delta;
    }
  }
  return index === 0 ? null : { minPts, max, early };
}

async function trackTiming(read: ReadBytes, trak: Mp4Box, movieTimescale: number, fileSize: number, headCount: number): Promise<TrackTiming | null> {
  const boxes = await children(read, trak.at, trak.end);
  const mdia = find(boxes, 'mdia');
  const mdiaBoxes = mdia ? await children(read, mdia.at, mdia.end) : [];
  const mdhd = find(mdiaBoxes, 'mdhd');
  const hdlr = find(mdiaBoxes, 'hdlr');
  const minf = find(mdiaBoxes, 'minf');
  const stblBox = minf && find(await children(read, minf.at, minf.end), 'stbl');
  if (!mdhd || !hdlr || !stblBox) return null;
  const stbl = await children(read, stblBox.at, stblBox.end);
  const md = await read(mdhd.at, mdhd.at + 24);
  const timescale = md[0] === 1 ? u32(md, 20) : u32(md, 12);
  const edts = find(boxes, 'edts');
  const elst = edts && find(await children(read, edts.at, edts.end), 'elst');
  const offset = editOffset(elst && (await payload(read, elst)), timescale, movieTimescale);
  const sttsBox = find(stbl, 'stts');
  if (!(timescale > 0) || offset === null || !sttsBox) return null;
  const stts = await payload(read, sttsBox);
  const cttsBox = find(stbl, 'ctts');
  const walk = walkSamples(stts, cttsBox && (await payload(read, cttsBox)), offset, headCount);
  if (!walk) return null;
  const { minPts, max, early } = walk;
  const presented = early.map((x) => x.pts).sort((a, b) => a - b);
  const head = early.slice(0, headCount).map(({ pts, delta }) => {
    const next = presented.find((p) => p > pts);
    return { t: pts / timescale, d: (next === undefined ? delta : next - pts) / timescale };
  });
  const last = await sampleBytes(read, stbl, max.index);
  if (!last) return null;
  return {
    handler: String.fromCharCode(...(await read(hdlr.at + 8, hdlr.at + 12))),
    firstSec: minPts / timescale,
    endSec: max.end / timescale,
    head,
    lastReadable: last.at + last.size <= fileSize,
  };
}

/** Every track's timing from the moov box at [moov.at, moov.end), or null where mediabunny must look. */
export async function mp4Timing(read: ReadBytes, moov: Mp4Box, fileSize: number, headCount: number): Promise<TrackTiming[] | null> {
  const boxes = await children(read, moov.at, moov.end);
  // Fragments add samples the tables don't list.
  if (boxes.some((b) => b.type === 'mvex')) return null;
  const mvhd = find(boxes, 'mvhd');
  if (!mvhd) return null;
  const mv = await read(mvhd.at, mvhd.at + 24);
  const movieTimescale = mv[0] === 1 ? u32(mv, 20) : u32(mv, 12);
  if (!(movieTimescale > 0)) return null;
  const tracks: TrackTiming[] = [];
  for (const trak of boxes.filter((b) => b.type === 'trak')) {
    const timing = await trackTiming(read, trak, movieTimescale, fileSize, headCount);
    if (!timing) return null;
    tracks.push(timing);
  }
  return tracks;
}
