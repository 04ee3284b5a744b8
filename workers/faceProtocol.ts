/**
 * Requests from the app (src/media/face/client.ts) to the face worker, over the shared worker
 * messages (src/workers/rpc.ts). One request at a time; cancelling terminates the worker.
 */
import type { FaceSample } from '../src/domain/edit/hostPath';

export interface FaceRequests {
  /**
   * Faces in frames of `recording` every `stepSec` from `start` to `end` (recording seconds);
   * `base` is the app's root URL, where the detector's files are.
   */
  detect: { recording: Blob; start: number; end: number; stepSec: number; base: string };
}

export interface FaceResults {
  /** Seconds: loading the detector, the whole pass (decode, draw, detect), and the detector's share of it. */
  detect: { samples: FaceSample[]; loadSec: number; detectSec: number; inferSec: number };
}

/** Notes to a running request. */
export interface FaceNotes {
  /** Hold before the next frame (the editor's preview is playing and needs the core), or go on. */
  hold: { held: boolean };
}
