import type { RenderPlan } from '../domain/edit/plan';
import type { Loudness } from '../domain/loudness';
import type { JobProgress } from '../domain/progress';
import type { RecordingMeta } from '../domain/recording';

export interface CutRequest {
  start: number;
  end: number;
  /** Re-encode for frame-exact boundaries; otherwise stream copy from the keyframe before `start`. */
  exact: boolean;
  /** The recording's codecs (from its probe): they decide which container a copy can use. */
  codecs: Pick<RecordingMeta, 'videoCodec' | 'audioCodec'>;
}

export interface CutResult {
  blob: Blob;
  /** File extension of the container written ("mp4", or "mkv" for codecs MP4 cannot carry). */
  ext: string;
}

/** A small file (overlay PNG, music) an engine writes into its own file system for one job. */
export interface RenderFile {
  path: string;
  data: Uint8Array;
}

export interface JobHooks {
  onProgress?: (p: JobProgress) => void;
  signal?: AbortSignal;
}

export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('Cancelled.');
  }
}

export class MediaError extends Error {
  override name = 'MediaError';
}

/** What the UI needs from a media engine; ffmpeg.wasm today, WebCodecs later, same contract. */
export interface MediaEngine {
  probe(recording: Blob, fileName: string, hooks?: JobHooks): Promise<RecordingMeta>;
  cut(recording: Blob, fileName: string, request: CutRequest, hooks?: JobHooks): Promise<CutResult>;
  /**
   * The first audio stream's RMS level per 0.1 s (decodes the audio only; progress against
   * `durationSec`). Only for recordings with audio.
   */
  loudness(recording: Blob, fileName: string, durationSec: number, hooks?: JobHooks): Promise<Loudness>;
  /** Composites a render plan into an H.264/AAC MP4; `files` are the PNGs and music it names. */
  render(recording: Blob, fileName: string, plan: RenderPlan, files: RenderFile[], hooks?: JobHooks): Promise<Blob>;
  /** Frees the engine (workers, wasm memory). It reloads lazily on the next job. */
  dispose(): void;
}
