/** What we know about a recording after probing it. */
export interface RecordingMeta {
  durationSec: number;
  width: number;
  height: number;
  fps: number;
  /** Degrees clockwise from the display matrix / rotate tag (phone recordings). */
  rotation: number;
  container: string;
  videoCodec: string;
  audioCodec?: string;
  hasAudio: boolean;
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
