/**
 * Probing an MP4/MOV recording with mediabunny: its index read in place, in milliseconds, without
 * loading ffmpeg.wasm. Times come from the index's run-length tables (container/mp4Timing.ts)
 * where they answer: mediabunny's own sample tables take seconds for a 5-hour file. It answers only where it gives what ffprobe would (probe.ts' meaning of
 * every field); anything it is not sure of (another container, a file cut short, a track it
 * cannot name) is left to ffprobe by answering null.
 */
import { type AudioCodec, BlobSource, EncodedPacketSink, Input, type InputTrack, type InputVideoTrack, MP4, QTFF, type VideoCodec } from 'mediabunny';
import type { RecordingMeta } from '../../domain/recording/meta';
import { parseCreationTime } from '../../domain/recording/streamStart';
import { blobBytes } from '../container/bytes';
import { mp4Layout } from '../container/mp4';
import { mp4Timing, type TrackTiming } from '../container/mp4Timing';
import { notReallyMp3 } from './mpegAudio';

/** Whether the bytes of a track's last packet (by time) are in the file. */
async function lastPacketReadable(track: InputTrack): Promise<boolean> {
  const sink = new EncodedPacketSink(track);
  const last = await sink.getPacket(Number.POSITIVE_INFINITY, { metadataOnly: true });
  return last === null || (await sink.getPacket(last.timestamp)) !== null;
}

/** ffprobe's codec names for the codecs both know. */
const VIDEO: Partial<Record<VideoCodec, string>> = { avc: 'h264', hevc: 'hevc', vp8: 'vp8', vp9: 'vp9', av1: 'av1' };
const AUDIO: Partial<Record<AudioCodec, string>> = { aac: 'aac', opus: 'opus', mp3: 'mp3', vorbis: 'vorbis', flac: 'flac', ac3: 'ac3', eac3: 'eac3' };
/** ffprobe's colour names (color_space, color_transfer) for WebCodecs' ones. */
const MATRIX: Record<string, string> = { bt709: 'bt709', bt470bg: 'bt470bg', smpte170m: 'smpte170m', 'bt2020-ncl': 'bt2020nc', rgb: 'gbr' };
const TRANSFER: Record<string, string> = {
  bt709: 'bt709',
  smpte170m: 'smpte170m',
  'iec61966-2-1': 'iec61966-2-1',
  linear: 'linear',
  pq: 'smpte2084',
  hlg: 'arib-std-b67',
};
/** ffprobe's format name for every ISO-BMFF/QuickTime file. */
const MOV_FORMAT = 'mov,mp4,m4a,3gp,3g2,mj2';
/** Seconds from 1904-01-01 (MP4's epoch) to 1970-01-01. */
const EPOCH_1904 = 2_082_844_800;
/** Packets read for the nominal frame rate: enough for a median, few enough for a 3-hour file. */
const RATE_SAMPLE = 300;

/** The first packets in decode order: presentation time and length (seconds), as mediabunny gives them. */
type Head = ReadonlyArray<{ t: number; d: number }>;

/** mediabunny's first RATE_SAMPLE packets of a track (its whole sample table is built for them). */
async function packetHead(video: InputVideoTrack): Promise<Head> {
  const head: { t: number; d: number }[] = [];
  for await (const p of new EncodedPacketSink(video).packets(undefined, undefined, { metadataOnly: true })) {
    head.push({ t: p.timestamp, d: p.duration });
    if (head.length >= RATE_SAMPLE) break;
  }
  return head;
}

/**
 * Frames a second from the first packets (a 3-hour file's whole index is not walked for a figure
 * that is only shown): the nominal rate (the median frame's length) when their average keeps to it
 * within 2 % (constant rate, as ffprobe's avg_frame_rate then says), else their average.
 */
function frameRate(head: Head): number {
  const durations = head.map((p) => p.d).filter((d) => d > 0);
  const first = head[0]?.t;
  const end = Math.max(0, ...head.map((p) => p.t + p.d));
  const span = first === undefined ? 0 : end - first;
  const average = span > 0 ? durations.length / span : 0;
  const median = durations.sort((a, b) => a - b)[Math.floor(durations.length / 2)];
  const nominal = median ? 1 / median : 0;
  const rate = nominal > 0 && Math.abs(average - nominal) / nominal <= 0.02 ? nominal : average;
  return Number.isFinite(rate) && rate > 0 && rate < 1000 ? Math.round(rate * 1000) / 1000 : 0;
}

/** Each track's start, end, readable end and first packets: from the index's run-length tables where they answer, else from mediabunny's sample tables. */
async function trackTimes(
  tracks: readonly InputTrack[],
  fast: readonly TrackTiming[] | null,
  input: Input,
): Promise<{ firsts: number[]; end: number; readable: boolean; videoHead: (video: InputVideoTrack) => Promise<Head> }> {
  // The same tracks in the same order (mediabunny skips a track it can't describe).
  if (fast && fast.length === tracks.length && fast.every((t, i) => (t.handler === 'vide') === tracks[i]!.isVideoTrack())) {
    return {
      firsts: fast.map((t) => t.firstSec),
      end: Math.max(...fast.map((t) => t.endSec)),
      readable: fast.every((t) => t.lastReadable),
      videoHead: async (video) => fast[tracks.indexOf(video)]?.head ?? packetHead(video),
    };
  }
  return {
    firsts: await Promise.all(tracks.map((t) => t.getFirstTimestamp())),
    end: await input.computeDuration(),
    readable: (await Promise.all(tracks.map(lastPacketReadable))).every(Boolean),
    videoHead: packetHead,
  };
}

/** The recording's metadata as probe.ts gives it, or null where ffprobe must look. */
export async function quickProbe(recording: Blob): Promise<RecordingMeta | null> {
  const read = blobBytes(recording);
  const layout = await mp4Layout(read, recording.size);
  if (!layout?.movie || layout.cutShort) return null;
  const input = new Input({ source: new BlobSource(recording), formats: [MP4, QTFF] });
  try {
    const tracks = await input.getTracks();
    const videos = tracks.filter((t) => t.isVideoTrack());
    const audios = tracks.filter((t) => t.isAudioTrack());
    const { handlers } = layout.movie;
    // A track the demuxer skipped (no sample description, an unknown codec) is ffprobe's to describe.
    if (videos.length !== handlers.filter((h) => h === 'vide').length || audios.length !== handlers.filter((h) => h === 'soun').length) return null;
    const video = videos[0];
    const audio = audios[0];
    const videoCodec = video?.codec && VIDEO[video.codec];
    const audioCodec = audio && (audio.codec ? AUDIO[audio.codec] : undefined);
    if (!video || !videoCodec || !(video.codedWidth > 0) || (audio && (!audioCodec || (await notReallyMp3(audio))))) return null;
    const times = await trackTimes(tracks, await mp4Timing(read, layout.movie.box, recording.size, RATE_SAMPLE), input);
    // AAC priming shows as a negative start; ffprobe counts from 0.
    const start = Math.max(0, Math.min(...times.firsts));
    const durationSec = times.end - start;
    if (!(durationSec > 0)) return null;
    // A media box whose size says "to the end of the file" is never seen to run past it: a file
    // cut short then shows as whole. Its last samples are missing: ffprobe searches the readable end.
    if (!times.readable) return null;
    const colour = await video.getColorSpace();
    const matrix = colour.matrix && MATRIX[colour.matrix];
    const transfer = colour.transfer && TRANSFER[colour.transfer];
    const created = layout.movie.createdSec1904;
    const creationTimeMs = created > EPOCH_1904 ? parseCreationTime(new Date((created - EPOCH_1904) * 1000).toISOString()) : undefined;
    return {
      durationSec,
      width: video.codedWidth,
      height: video.codedHeight,
      fps: frameRate(await times.videoHead(video)),
      rotation: video.rotation,
      container: MOV_FORMAT,
      videoCodec,
      ...(audioCodec && { audioCodec }),
      hasAudio: audioCodec !== undefined,
      ...(matrix && { colorMatrix: matrix }),
      ...(transfer && { colorTransfer: transfer }),
      ...(creationTimeMs !== undefined && { creationTimeMs }),
    };
  } finally {
    input.dispose();
  }
}
