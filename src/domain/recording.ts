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
}
