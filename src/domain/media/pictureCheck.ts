/**
 * Whether a file we wrote shows the source's picture (issue 21): a file can decode cleanly and
 * still be wrong (a WebKit render once came out as grey tiles with the overlays right). A few
 * frames of the output's video area are compared, as small thumbnails, with the source frames
 * they came from, leaving out where overlays sit. Pure: the media worker decodes and draws the
 * thumbnails (media/webcodecs/pictureFacts.ts); this says where to look and what counts as wrong.
 */
import { type RenderPlan, clipDuration, cropMoves, geometryAt, sourceTimeAt, visibleOverlays } from '../edit/plan';
import { type Rect, intersectRect } from '../edit/rect';
import { reframeGeometry } from '../edit/reframe';

/** One moment to compare: the output's clip time and the source time it shows. */
export interface PictureProbe {
  outputTime: number;
  sourceTime: number;
  /** Output rectangles covered by overlays then (not compared), output pixels. */
  masks: Rect[];
  /** The source's window then, where pins move the crop (else the frame's). */
  crop?: Rect;
}

/** The part of the source that is shown, and where it lands in the output. */
export interface PictureFrame {
  /** Source display pixels (rotation applied). */
  crop: Rect;
  /** Output pixels. */
  video: Rect;
}

export interface PictureCheck {
  /** Absent: the output shows the source's whole picture, as a cut does. */
  frame?: PictureFrame;
  probes: PictureProbe[];
}

/** Thumbnails this wide: enough for a wrong picture, too coarse for encoding noise or a frame's motion. */
export const THUMB_WIDTH = 32;
/**
 * Mean luma difference (0–255) above which a moment's picture is wrong. Measured in WebKit: a
 * right render 3.9, the garbled one 67.5; a scene cut between neighbouring frames stays below
 * this at thumbnail size in most material, and a file is wrong only when every moment is.
 */
export const PICTURE_MAX_DIFF = 40;
/** Less than this share of the video area left after the overlays: nothing worth comparing there. */
const MIN_OPEN_SHARE = 0.2;
/** Where in the clip to look (fractions of its length). */
const PROBE_AT = [0.3, 0.55, 0.8];

/** Thumbnail size the video area and its source are both drawn at (the area's aspect ratio). */
export function thumbOf(video: Rect): { width: number; height: number } {
  const width = Math.min(THUMB_WIDTH, Math.max(1, Math.round(video.width)));
  return { width, height: Math.max(1, Math.round((width * video.height) / video.width)) };
}

/** Share of the video area not covered by `masks` (sampled on the thumbnail grid). */
function openShare(video: Rect, masks: readonly Rect[]): number {
  const mask = thumbMask(video, masks);
  return mask.reduce((n, m) => n + (m ? 0 : 1), 0) / Math.max(1, mask.length);
}

/** Which pixels (row-major) of the video area's thumbnail fall under an overlay. */
export function thumbMask(video: Rect, masks: readonly Rect[]): boolean[] {
  const thumb = thumbOf(video);
  const cellW = video.width / thumb.width;
  const cellH = video.height / thumb.height;
  const out: boolean[] = [];
  for (let j = 0; j < thumb.height; j++)
    for (let i = 0; i < thumb.width; i++) {
      const cell = { x: video.x + i * cellW, y: video.y + j * cellH, width: cellW, height: cellH };
      // A cell an overlay touches at all is left out: its edge pixels are blended.
      out.push(masks.some((m) => intersectRect(m, cell) !== undefined));
    }
  return out;
}

/** Where to compare a short with its source: its reframe, and moments where overlays leave room. */
export function shortPictureCheck(plan: RenderPlan): PictureCheck {
  const { crop, video } = reframeGeometry(plan.source, plan.output, plan.reframe, plan.cropX);
  const overlays = visibleOverlays(plan);
  const dur = clipDuration(plan);
  const moving = cropMoves(plan);
  const probes = PROBE_AT.map((f) => {
    const outputTime = f * dur;
    const masks = overlays.filter((o) => o.from <= outputTime && outputTime < o.to).map(({ x, y, width, height }) => ({ x, y, width, height }));
    return { outputTime, sourceTime: sourceTimeAt(plan, outputTime), masks, ...(moving && { crop: geometryAt(plan, outputTime).crop }) };
  }).filter((p) => openShare(video, p.masks) >= MIN_OPEN_SHARE);
  return { frame: { crop, video }, probes };
}

/** Where to compare an exact cut with its source: the whole picture, at the same moments. */
export function cutPictureCheck(start: number, end: number): PictureCheck {
  return { probes: PROBE_AT.map((f) => ({ outputTime: f * (end - start), sourceTime: start + f * (end - start), masks: [] })) };
}

const luma = (p: Uint8ClampedArray, k: number) => 0.299 * p[k]! + 0.587 * p[k + 1]! + 0.114 * p[k + 2]!;

/** Mean absolute luma difference of two RGBA thumbnails over the pixels `mask` leaves open (NaN: none open). */
export function pictureDifference(a: Uint8ClampedArray, b: Uint8ClampedArray, mask: readonly boolean[]): number {
  let sum = 0;
  let n = 0;
  mask.forEach((masked, i) => {
    if (masked) return;
    sum += Math.abs(luma(a, 4 * i) - luma(b, 4 * i));
    n++;
  });
  return n > 0 ? sum / n : Number.NaN;
}

/** What is wrong with the picture, from each compared moment's difference; null when it is right or nothing could be compared. */
export function pictureProblem(diffs: ReadonlyArray<{ outputTime: number; diff: number }>): string | null {
  const measured = diffs.filter((d) => Number.isFinite(d.diff));
  if (measured.length === 0 || measured.some((d) => d.diff <= PICTURE_MAX_DIFF)) return null;
  const worst = measured.reduce((w, d) => (d.diff > w.diff ? d : w));
  return `its picture does not match the recording (mean difference ${Math.round(worst.diff)}/255 at ${worst.outputTime.toFixed(1)} s of the clip)`;
}
