import type { RecordingMeta } from '../../domain/recording';
import { parseCreationTime } from '../../domain/streamStart';

/** The parts of `ffprobe -print_format json -show_format -show_streams` we read. */
interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  color_space?: string;
  color_transfer?: string;
  tags?: Record<string, string>;
  side_data_list?: Array<{ rotation?: number | string }>;
}
interface ProbeJson {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; tags?: Record<string, string> };
}

export class ProbeError extends Error {
  override name = 'ProbeError';
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

/** Turns ffprobe's JSON into our metadata; `fallbackDurationSec` covers WebM without a duration. */
export function metaFromProbe(jsonText: string, fallbackDurationSec?: number): RecordingMeta {
  let probe: ProbeJson;
  try {
    probe = JSON.parse(jsonText) as ProbeJson;
  } catch {
    throw new ProbeError('The recording could not be read (ffprobe gave no result). Is it a video file?');
  }
  const video = probe.streams?.find((s) => s.codec_type === 'video' && (s.width ?? 0) > 0);
  if (!video) throw new ProbeError('No video stream found in this file. Drop an MP4, MOV, WebM or MKV recording.');
  const audio = probe.streams?.find((s) => s.codec_type === 'audio');
  const duration =
    Number(probe.format?.duration) || Number(video.duration) || Number(audio?.duration) || fallbackDurationSec || 0;
  if (!(duration > 0)) throw new ProbeError('The recording has no readable duration. It may be truncated.');
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
    ...(audio?.codec_name !== undefined && { audioCodec: audio.codec_name }),
    hasAudio: audio !== undefined,
    ...(known(video.color_space) && { colorMatrix: video.color_space }),
    ...(known(video.color_transfer) && { colorTransfer: video.color_transfer }),
    ...(creationTimeMs !== undefined && { creationTimeMs }),
  };
}
