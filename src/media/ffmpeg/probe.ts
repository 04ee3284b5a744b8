import type { MediaFailureCode } from '../../domain/errors/mediaFailure';
import type { RecordingMeta } from '../../domain/recording/meta';
import { parseCreationTime } from '../../domain/recording/streamStart';

/** The parts of `ffprobe -print_format json -show_format -show_streams` we read. */
interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  codec_tag_string?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  color_space?: string;
  color_transfer?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: Array<{ rotation?: number | string }>;
}
interface ProbeJson {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; start_time?: string; tags?: Record<string, string> };
}

/** A probe result that cannot become a recording; `code` names why (the engine adds the file). */
export class ProbeError extends Error {
  override name = 'ProbeError';
  constructor(
    readonly code: Extract<MediaFailureCode, 'unreadable' | 'no-video' | 'codec-unsupported' | 'truncated'>,
    message: string,
    readonly codec?: string,
  ) {
    super(message);
  }
}

function rate(text: string | undefined): number {
  if (!text) return 0;
  const [n, d] = text.split('/').map(Number);
  if (n === undefined || !Number.isFinite(n)) return 0;
  const v = d ? n / d : n;
  return Number.isFinite(v) && v > 0 && v < 1000 ? Math.round(v * 1000) / 1000 : 0;
}

function rotationOf(s: ProbeStream): number {
  const side = s.side_data_list?.find((d) => d.rotation !== undefined)?.rotation;
  const raw = Number(side ?? s.tags?.rotate ?? 0);
  // Display-matrix rotation is counter-clockwise negative; normalise to 0/90/180/270 clockwise.
  return Number.isFinite(raw) ? (((Math.round(-raw / 90) * 90) % 360) + 360) % 360 : 0;
}

const known = (tag: string | undefined): tag is string => tag !== undefined && tag !== '' && tag !== 'unknown' && tag !== 'reserved';
/** ffprobe leaves codec_name out (or says "none") for a track whose sample description is missing. */
const hasCodec = (s: ProbeStream | undefined): boolean => known(s?.codec_name) && s?.codec_name !== 'none';
const positive = (text: string | undefined): number | undefined => (Number(text) > 0 ? Number(text) : undefined);

function parse(jsonText: string): ProbeJson {
  try {
    return JSON.parse(jsonText) as ProbeJson;
  } catch {
    throw new ProbeError('unreadable', 'ffprobe gave no result.');
  }
}

/** The picture: the first video stream that is not cover art; it must have a size and a codec. */
function videoOf(probe: ProbeJson): ProbeStream {
  // A PNG or JPEG (ffmpeg reads them as one-frame videos through its image demuxers) is no recording.
  if (/(^|,)image2$|_pipe$/.test(probe.format?.format_name ?? ''))
    throw new ProbeError('no-video', `A still image (${probe.format?.format_name}), not a recording.`);
  const video = probe.streams?.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  if (!video || !((video.width ?? 0) > 0)) throw new ProbeError('no-video', 'No video stream with a picture size.');
  if (!hasCodec(video)) throw new ProbeError('codec-unsupported', 'The video stream has no known codec.', video.codec_tag_string);
  return video;
}

/** What the header says before any packet is read: its length and the time the streams start at. */
export function probeHeader(jsonText: string): { durationSec?: number; startSec: number } {
  const probe = parse(jsonText);
  const video = videoOf(probe);
  const audio = probe.streams?.find((s) => s.codec_type === 'audio');
  const durationSec = positive(probe.format?.duration) ?? positive(video.duration) ?? positive(audio?.duration);
  return { ...(durationSec !== undefined && { durationSec }), startSec: Number(probe.format?.start_time) || 0 };
}

/** The readable end found by reading packets, in seconds from the start. */
export interface ReadableEnd {
  sec: number;
  /** The file's own structure proves it is cut short (a box runs past its end). */
  cutShort?: boolean;
}

/** A readable end this far before the header's duration means the file ends early. */
const SHORT_BY_SEC = 1;

/** Turns ffprobe's JSON (and the readable end, when packets were read) into our metadata. */
export function metaFromProbe(jsonText: string, readable?: ReadableEnd): RecordingMeta {
  const probe = parse(jsonText);
  const video = videoOf(probe);
  const { durationSec: declared } = probeHeader(jsonText);
  // Only the first audio stream is ever mapped (0:a:0): without a codec it is unreadable, not used.
  const audio = probe.streams?.find((s) => s.codec_type === 'audio');
  const audioReadable = audio !== undefined && hasCodec(audio);
  const short = readable !== undefined && declared !== undefined && (readable.cutShort ? readable.sec < declared : readable.sec < declared - SHORT_BY_SEC);
  const duration = readable && (short || declared === undefined) ? readable.sec : declared;
  if (!(duration !== undefined && duration > 0)) throw new ProbeError('truncated', 'No duration in the header and no whole packet could be read.');
  // The container's tag first; some muxers tag only the streams.
  const creationTimeMs = [probe.format, video, audio].map((x) => parseCreationTime(x?.tags?.creation_time)).find((ms) => ms !== undefined);
  return {
    durationSec: duration,
    width: video.width ?? 0,
    height: video.height ?? 0,
    fps: rate(video.avg_frame_rate) || rate(video.r_frame_rate),
    rotation: rotationOf(video),
    container: probe.format?.format_name ?? 'unknown',
    videoCodec: video.codec_name ?? 'unknown',
    ...(audioReadable && { audioCodec: audio.codec_name }),
    hasAudio: audioReadable,
    ...(audio && !audioReadable && { audioUnreadable: true }),
    ...(short && { declaredDurationSec: declared }),
    ...(known(video.color_space) && { colorMatrix: video.color_space }),
    ...(known(video.color_transfer) && { colorTransfer: video.color_transfer }),
    ...(creationTimeMs !== undefined && { creationTimeMs }),
  };
}
