import type { OutputPresetId } from '../domain/edit/output';
import type { QualityId } from '../domain/edit/quality';
import type { LinkedProduct } from '../domain/clip/product';
import type { EngineId } from '../media/engine';

/** A rendered short as kept in the `shorts` store; its MP4 is in `shortFiles` under the same id. */
export interface SavedShort {
  id: string;
  projectId: string;
  /** The clip it was made from, `productId#pitch` (`clipKey`): stable across re-selection. */
  clipKey: string;
  /** The clip's rank and score when it was rendered. */
  rank: number;
  score: number;
  /** The product it was linked to (with the shop link the user typed, if any). */
  product: LinkedProduct;
  /** Seconds in the recording. */
  range: { start: number; end: number };
  settings: { output: OutputPresetId; width: number; height: number; quality: QualityId };
  engine: EngineId;
  /** Why the fast engine did not make it, when it did not. */
  fallbackReason?: string;
  /** Seconds from "Render" to the MP4, and the engine's own stages where it measures them. */
  timings: { totalSec: number; stages?: Record<string, number> };
  /** Bytes of the MP4. */
  size: number;
  durationSec: number;
  /** The text to post with it: made with the clip's edit, editable per short. */
  postText: string;
  createdAt: number;
  /** Of the edit, range and product it was made from: a different one now means "out of date". */
  fingerprint: string;
  fileName: string;
  /** A small JPEG frame for the list; absent when the browser could not decode the MP4. */
  poster?: Blob;
}

/** The MP4 itself: apart from the record, so listing shorts or editing their text never reads or rewrites it. */
export interface ShortFile {
  id: string;
  blob: Blob;
}
