import type { RenderAssets, RenderPlan } from '../domain/edit/plan';
import type { Loudness } from '../domain/recording/loudness';
import type { JobProgress } from '../domain/progress';
import type { RecordingMeta } from '../domain/recording/meta';

/** The engines behind the MediaEngine seam. */
export type EngineId = 'webcodecs' | 'ffmpeg';
/** The user's choice: the fastest engine that works (with fallback), or one forced. */
export type EnginePreference = 'auto' | EngineId;

export interface CutRequest {
  start: number;
  end: number;
  /** Frame-exact boundaries (smart cut or re-encode); otherwise stream copy from the keyframe before `start`. */
  exact: boolean;
  /** The recording's codecs (from its probe): they decide which container a copy can use, and whether audio is mapped. */
  codecs: Pick<RecordingMeta, 'videoCodec' | 'audioCodec' | 'hasAudio'>;
}

/** How a cut was made: packets copied, smart (re-encoded head, copied rest), or re-encoded whole. */
export type CutMethod = 'copy' | 'smart' | 'reencode';

export interface CutResult {
  blob: Blob;
  /** File extension of the container written ("mp4", or "mkv" for codecs MP4 cannot carry). */
  ext: string;
  method: CutMethod;
  engine: EngineId;
  /** Set when a fast copy failed its check and the clip was cut exactly instead: why. */
  fallbackReason?: string;
}

export interface RenderResult {
  blob: Blob;
  engine: EngineId;
  /** Set when the preferred engine could not make it and the other one did: why. */
  fallbackReason?: string;
  /** Seconds per stage where the engine measures them (decode+draw+encode, audio, mux…). */
  timings?: Record<string, number>;
  /** Its picture against the recording's where they were compared (domain/media/pictureCheck.ts): the largest mean difference, 0–255, and at how many moments. */
  picture?: { diff: number; moments: number };
}

export interface JobHooks {
  onProgress?: (p: JobProgress) => void;
  signal?: AbortSignal;
}

/** An engine's own error, inside the media layer; what leaves it is a MediaFailure (`toMediaFailure`). */
export class MediaError extends Error {
  override name = 'MediaError';
}

/** The steps at which an engine can give up on a job (EngineUnsupportedError's codes). */
export const ENGINE_STEPS = ['no-webcodecs', 'decode', 'encode', 'demux', 'mux', 'codec'] as const;
export type EngineStep = (typeof ENGINE_STEPS)[number];

/**
 * The engine cannot do this job in this browser (codec missing, size refused, encoder failed):
 * another engine may. `code` says which step gave up.
 */
export class EngineUnsupportedError extends MediaError {
  override name = 'EngineUnsupportedError';
  constructor(
    readonly code: EngineStep,
    message: string,
  ) {
    super(message);
  }
}

/** What the app needs from media: probe, cut, loudness, render. The app never asks which engine. */
export interface MediaEngine {
  probe(recording: Blob, fileName: string, hooks?: JobHooks): Promise<RecordingMeta>;
  cut(recording: Blob, fileName: string, request: CutRequest, hooks?: JobHooks): Promise<CutResult>;
  /**
   * The first audio stream's RMS level per 0.1 s (decodes the audio only; progress against
   * `durationSec`). Only for recordings with audio.
   */
  loudness(recording: Blob, fileName: string, durationSec: number, hooks?: JobHooks): Promise<Loudness>;
  /** [start, end) of the first audio stream as mono float PCM at `rate` Hz (speech recognition's input). Only for recordings with audio. */
  speechPcm(recording: Blob, fileName: string, start: number, end: number, rate: number, hooks?: JobHooks): Promise<Float32Array>;
  /** Composites a render plan into an H.264/AAC MP4 (moov first); `assets` are the bytes it names. */
  render(recording: Blob, fileName: string, plan: RenderPlan, assets: RenderAssets, hooks?: JobHooks): Promise<RenderResult>;
  /** A small H.264 MP4 of [start, end), starting at 0, for previewing a codec the browser cannot show (HEVC in Chromium). */
  previewProxy(recording: Blob, fileName: string, start: number, end: number, hooks?: JobHooks): Promise<Blob>;
  /** Frees the engine (workers, wasm memory). It reloads lazily on the next job. */
  dispose(): void;
}
