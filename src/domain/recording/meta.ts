import { formatClock } from '../format';

/** What we know about a recording after probing it. */
export interface RecordingMeta {
  /** The length that can be read and decoded (for a cut-short file, less than its header claims). */
  durationSec: number;
  /** Stored (coded) size; `displaySize` turns it the way phones show it. */
  width: number;
  height: number;
  fps: number;
  /** Degrees clockwise from the display matrix / rotate tag (phone recordings). */
  rotation: number;
  container: string;
  videoCodec: string;
  audioCodec?: string;
  /** An audio track with a codec the engines can read (cuts and renders map it). */
  hasAudio: boolean;
  /** The first audio track exists but has no codec description: it is left out, and the user is told. */
  audioUnreadable?: boolean;
  /** The header's duration when less than it could be read (the file is cut short). */
  declaredDurationSec?: number;
  /**
   * The video's colour tags as ffprobe names them (color_space / color_transfer), absent when the
   * file leaves them unspecified (and in projects probed before they were read).
   */
  colorMatrix?: string;
  colorTransfer?: string;
  /** The container's creation_time (epoch ms), when it is a real date: a clue to the stream start. */
  creationTimeMs?: number;
}

/** HLG or PQ: high dynamic range pictures that must be tone-mapped for SDR output. */
export const isHdrTransfer = (transfer: string | undefined): boolean => transfer === 'arib-std-b67' || transfer === 'smpte2084';

/** The picture's size as it is shown: a phone video stored 640×360 with a 90° matrix is 360×640. */
export function displaySize(meta: Pick<RecordingMeta, 'width' | 'height' | 'rotation'>): { width: number; height: number } {
  const turned = meta.rotation % 180 !== 0;
  return turned ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
}

/** A recording's length for people: tenths under a minute, so a 0.4 s file is not "0:00". */
export const formatDuration = (sec: number): string => formatClock(sec, sec < 60);

/** What the user should know before cutting this recording, as sentences. */
export function recordingWarnings(meta: RecordingMeta): string[] {
  const out: string[] = [];
  if (meta.declaredDurationSec !== undefined) {
    out.push(
      `Only ${formatDuration(meta.durationSec)} of ${formatDuration(meta.declaredDurationSec)} could be read: the file looks cut short. ` +
        'Clips and renders use the readable part; if the recording was still being copied or saved, use the finished file.',
    );
  }
  if (meta.audioUnreadable) {
    out.push("The audio track can't be read (the file does not say which codec it uses), so clips use the video alone, without its sound.");
  }
  return out;
}
