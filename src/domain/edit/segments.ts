/**
 * How a short's frames are shared between media workers that render in parallel (issue 22): one
 * part per worker, each at least MIN_SEGMENT_SEC long (a part costs a decoder, an encoder and a
 * seek to its keyframe before its first frame pays off), at most MAX_SEGMENTS.
 */

/** Output frames `from` (inclusive) to `to` (exclusive). */
export interface FrameRange {
  from: number;
  to: number;
}

export const MIN_SEGMENT_SEC = 2;
/** Each worker holds a decoder, an encoder and full-size canvases: more parts cost memory for little. */
export const MAX_SEGMENTS = 4;

/** Consecutive ranges covering `frames` frames, as many as `workers` allows. */
export function renderSegments(frames: number, fps: number, workers: number): FrameRange[] {
  const n = Math.max(1, Math.min(Math.floor(workers), MAX_SEGMENTS, Math.floor(frames / (MIN_SEGMENT_SEC * fps))));
  return Array.from({ length: n }, (_, i) => ({ from: Math.round((i * frames) / n), to: Math.round(((i + 1) * frames) / n) }));
}
