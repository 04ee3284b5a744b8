/**
 * Probing a recording: ffprobe reads the header, then the end is checked where the header may
 * not tell the truth. Browser recordings (Matroska/WebM written live) carry no duration, so the
 * last packets are listed from a small stand-in of the file's tail; an MP4 whose boxes run past
 * the end of the file was cut short, so its readable end is searched through its index (and so is
 * one whose media box runs "to the end of the file", which can't show it is cut short). Neither
 * reads the whole file. Other formats without a duration are read through once (copy to null).
 */
import { MediaFailure } from '../../domain/errors/mediaFailure';
import type { RecordingMeta } from '../../domain/recording/meta';
import { blobBytes } from '../container/bytes';
import { isMatroska, matroskaTail, piecesBlob } from '../container/matroska';
import { mp4Layout } from '../container/mp4';
import { ffmpegLogTime } from './logTime';
import { cutShortEnd, lastEnd, parsePackets, type ListPackets } from './packets';
import { metaFromProbe, probeHeader, type ReadableEnd } from './probe';

/** What the file's own structure says, read in a few small slices before ffmpeg runs. */
export interface Layout {
  /** The file starts like one of these (its own magic bytes or boxes). */
  container?: 'matroska' | 'mp4';
  /** A stand-in of a Matroska/WebM file's header and last clusters. */
  tail?: Blob;
  /** An MP4/MOV whose boxes run past the end of the file. */
  cutShort: boolean;
  /** An MP4/MOV whose media box runs "to the end of the file": cut short or not, only its index can say. */
  openEnded?: boolean;
  size: number;
}

export async function readLayout(recording: Blob): Promise<Layout> {
  const read = blobBytes(recording);
  const size = recording.size;
  if (isMatroska(await read(0, 4))) {
    const pieces = await matroskaTail(read, size);
    return { container: 'matroska', ...(pieces && { tail: piecesBlob(recording, pieces) }), cutShort: false, size };
  }
  const mp4 = await mp4Layout(read, size);
  return { ...(mp4 && { container: 'mp4' }), cutShort: mp4?.cutShort ?? false, ...(mp4?.openEnded && { openEnded: true }), size };
}

/** ffmpeg.wasm as the probe needs it; both run on files mounted for this job. */
export interface ProbeTools {
  /** `ffprobe -v error -of json <args> <file>`: the JSON it wrote; a named failure when it could not open the file. */
  ffprobe(args: string[], file: string): Promise<string>;
  /** `ffmpeg <args>`: its log lines. */
  ffmpeg(args: string[]): Promise<string[]>;
}

const PACKETS = ['-show_entries', 'packet=codec_type,pts_time,dts_time,duration_time,pos,size'];

export async function probeRecording(tools: ProbeTools, input: string, layout: Layout, tailInput?: string): Promise<RecordingMeta> {
  const json = await tools.ffprobe(['-show_error', '-show_format', '-show_streams'], input).catch((err: unknown) => {
    // "moov atom not found" means a cut-short recording only in a file that starts like an MP4.
    if (err instanceof MediaFailure && err.code === 'truncated' && !layout.container) throw new MediaFailure('unreadable', err.context, err.details);
    throw err;
  });
  return metaFromProbe(json, await readableEnd(tools, json, input, layout, tailInput));
}

/** The readable end where the header cannot be trusted; undefined where it can. */
async function readableEnd(tools: ProbeTools, json: string, input: string, layout: Layout, tailInput?: string): Promise<ReadableEnd | undefined> {
  const header = probeHeader(json);
  if (tailInput) {
    // A stand-in that ffmpeg cannot read is no reason to refuse the file: trust the header, or read the file through below.
    const end = await tools.ffprobe(PACKETS, tailInput).then(
      (text) => lastEnd(parsePackets(text)),
      () => undefined,
    );
    if (end !== undefined) return { sec: end - header.startSec };
  }
  if ((layout.cutShort || layout.openEnded) && header.durationSec !== undefined) {
    const interval = (from: number, span?: number) => `${from.toFixed(3)}%${span === undefined ? '' : `+${span.toFixed(3)}`}`;
    const list: ListPackets = async (from, span) => parsePackets(await tools.ffprobe([...PACKETS, '-read_intervals', interval(from, span)], input));
    const end = await cutShortEnd(list, header.startSec, header.startSec + header.durationSec, layout.size);
    // An open-ended box proves nothing: a whole file's readable end is its last frame's, close to the header's.
    return { sec: end === undefined ? 0 : end - header.startSec, cutShort: layout.cutShort };
  }
  if (header.durationSec === undefined) {
    const logs = await tools.ffmpeg(['-hide_banner', '-nostdin', '-i', input, '-map', '0:v:0', '-c', 'copy', '-f', 'null', '-']);
    const times = logs.map(ffmpegLogTime).filter((t): t is number => t !== null);
    if (times.length) return { sec: Math.max(...times) };
  }
  return undefined;
}
