/**
 * Messages between the app and the media worker (workers/media.worker.ts). One job per worker
 * at a time; cancelling terminates the worker. Every response names the job it belongs to.
 */
import type { RenderPlan } from '../../domain/edit/plan';
import type { EngineUnsupportedError } from '../engine';

export type MediaWorkerRequest =
  | {
      type: 'render';
      id: number;
      recording: Blob;
      plan: RenderPlan;
      /** Overlay PNGs by overlay id (transferred). */
      overlays: Array<{ id: string; png: Uint8Array }>;
    }
  /** The render's audio (AAC in MP4), sent when the audio mix is done; null: none could be made. */
  | { type: 'audio'; id: number; audio: Uint8Array | null }
  | { type: 'cut'; id: number; recording: Blob; start: number; end: number };

export interface RenderDone {
  data: ArrayBuffer;
  timings: Record<string, number>;
}

export interface CutDone {
  data: ArrayBuffer;
  method: 'smart' | 'reencode';
  timings: Record<string, number>;
}

export type WorkerError = { name: string; message: string; code?: EngineUnsupportedError['code'] };

export type MediaWorkerResponse =
  | { type: 'progress'; id: number; ratio: number }
  | { type: 'done'; id: number; result: RenderDone | CutDone }
  | { type: 'error'; id: number; error: WorkerError };
