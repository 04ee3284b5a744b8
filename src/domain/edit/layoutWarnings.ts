/**
 * What to warn about in a layout: an overlay that reaches out of TikTok's safe area (the app's
 * buttons and description cover it there) or covers a caption while both show.
 */
import type { ElementRef } from './elements';
import { containsRect, intersectRect, type Rect } from './rect';

export interface PlacedElement {
  ref: ElementRef;
  /** Its bounding box on the frame (rotation included), design pixels. */
  box: Rect;
  spans: ReadonlyArray<readonly [number, number]>;
}

export interface LayoutWarning {
  ref: ElementRef;
  outsideSafe: boolean;
  coversCaption: boolean;
}

/** Fabric's bounding boxes are fractional: this much past the safe edge still counts as inside. */
const EDGE_TOLERANCE = 2;

const overlapInTime = (a: PlacedElement['spans'], b: PlacedElement['spans']) => a.some(([f, t]) => b.some(([g, u]) => f < u && g < t));

/** One entry per element that has a problem, in the order given. */
export function layoutWarnings(elements: readonly PlacedElement[], safe: Rect): LayoutWarning[] {
  const roomy: Rect = {
    x: safe.x - EDGE_TOLERANCE,
    y: safe.y - EDGE_TOLERANCE,
    width: safe.width + 2 * EDGE_TOLERANCE,
    height: safe.height + 2 * EDGE_TOLERANCE,
  };
  const caption = elements.find((e) => e.ref.kind === 'caption');
  const out: LayoutWarning[] = [];
  for (const e of elements) {
    const outsideSafe = !containsRect(roomy, e.box);
    const coversCaption = !!caption && e !== caption && !!intersectRect(e.box, caption.box) && overlapInTime(e.spans, caption.spans);
    if (outsideSafe || coversCaption) out.push({ ref: e.ref, outsideSafe, coversCaption });
  }
  return out;
}
