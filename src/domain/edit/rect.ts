/** Axis-aligned rectangles in pixels, shared by the reframe geometry, the safe area and overlays. */

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

/** Nearest even integer, at least 2: yuv420p frames (and libx264) need even sizes and offsets. */
export const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));

/** Largest even integer ≤ n (offsets), never negative. */
export const evenFloor = (n: number): number => Math.max(0, 2 * Math.floor(n / 2));

export const rectRight = (r: Rect): number => r.x + r.width;
export const rectBottom = (r: Rect): number => r.y + r.height;

/** Whether `inner` lies entirely inside `outer` (edges may touch). */
export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && rectRight(inner) <= rectRight(outer) && rectBottom(inner) <= rectBottom(outer);
}

/** The overlap of two rectangles, or undefined when they do not overlap. */
export function intersectRect(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(rectRight(a), rectRight(b));
  const bottom = Math.min(rectBottom(a), rectBottom(b));
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}
