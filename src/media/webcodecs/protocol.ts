/**
 * Requests from the app to the media worker (workers/media.worker.ts), over the shared worker
 * messages (src/workers/rpc.ts), and how its failures are coded. One job per worker at a time;
 * cancelling terminates the worker.
 */
import type { RenderPlan } from '../../domain/edit/plan';
import type { Loudness } from '../../domain/recording/loudness';
import type { RecordingMeta } from '../../domain/recording/meta';
import type { MixRequest } from '../mediabunny/audioMix';
import type { CopyRequest } from '../mediabunny/copyCut';
import type { OutputFacts } from '../../domain/media/outputCheck';
import type { FrameRange } from '../../domain/edit/segments';
import type { Segment } from './joinSegments';
import type { PictureRequest } from './pictureFacts';
import { failureOf, type WorkerFailure } from '../../workers/rpc';
import { ENGINE_STEPS, type EngineStep, EngineUnsupportedError, MediaError } from '../engine';

export interface MediaRequests {
  render: {
    recording: Blob;
    plan: RenderPlan;
    /** Overlay PNGs by overlay id (transferred). */
    overlays: Array<{ id: string; png: Uint8Array }>;
    /** Only these output frames, as a video-only segment (no audio is sent); all, with the audio, by default. */
    segment?: FrameRange;
  };
  /** Segments rendered in parallel and the audio mix, joined into the short (joinSegments.ts). */
  join: { plan: RenderPlan; segments: Segment[]; audio: Uint8Array | null };
  cut: { recording: Blob; start: number; end: number };
  /** Reads a written file back (either engine's): outputFacts.ts; with `picture`, compares it with its source too (pictureFacts.ts). */
  verify: { file: Blob; picture?: PictureRequest };
  /** mediabunny's probe (mediabunny/probe.ts): null where ffprobe must look. */
  probe: { recording: Blob };
  /** mediabunny's fast copy (mediabunny/copyCut.ts). */
  copy: CopyRequest;
  /** The loudness envelope from the browser's audio decoder (mediabunny/loudness.ts): null where ffmpeg must measure it. */
  loudness: { recording: Blob; stepSec: number };
  /** A short's audio mix as AAC in MP4 (mediabunny/audioMix.ts): null where ffmpeg must mix it. */
  mix: MixRequest;
}

export interface RenderDone {
  data: ArrayBuffer;
  timings: Record<string, number>;
}

export interface CutDone {
  data: ArrayBuffer;
  method: 'smart' | 'reencode';
  timings: Record<string, number>;
}

export interface MediaResults {
  render: RenderDone;
  join: { data: ArrayBuffer };
  cut: CutDone;
  verify: OutputFacts;
  probe: RecordingMeta | null;
  copy: { data: ArrayBuffer };
  loudness: Loudness | null;
  mix: { data: ArrayBuffer } | null;
}

/** Sent to a running render: its audio (AAC in MP4) when the mix is done; null: none could be made. */
export interface MediaNotes {
  audio: { audio: Uint8Array | null };
}

/** How the worker codes a failure: a step that gave up by its step, anything else by its error's name. */
export const mediaFailureOf = (err: unknown): WorkerFailure =>
  err instanceof EngineUnsupportedError ? { code: err.code, message: err.message } : failureOf(err);

const isEngineStep = (code: string): code is EngineStep => (ENGINE_STEPS as readonly string[]).includes(code);

/** The error a coded failure stands for, named as in the worker (toMediaFailure reads DOMException names). */
export function mediaErrorOf({ code, message }: WorkerFailure): Error {
  if (isEngineStep(code)) return new EngineUnsupportedError(code, message);
  const err = new MediaError(message);
  err.name = code;
  return err;
}
