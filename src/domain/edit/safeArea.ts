/**
 * TikTok's safe area: the part of a vertical video that the app's own UI does not cover.
 * The feed draws tabs at the top, the like/comment/share/shop buttons down the right edge and
 * the account name, description and music ticker across the bottom.
 */
import { type Rect, type Size, rectBottom, rectRight } from './rect';

/** Fractions of the frame to keep clear, per edge. */
export interface SafeMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * top 8% (Following / For You tabs), right 15% (action buttons), bottom 20% (caption, sound),
 * left 4%: nothing covers it, but text touching the screen edge looks cut off on rounded phones.
 */
export const TIKTOK_SAFE_MARGINS: Readonly<SafeMargins> = { top: 0.08, right: 0.15, bottom: 0.2, left: 0.04 };

/** The safe rectangle of a width×height frame, in whole pixels. */
export function safeArea(width: number, height: number, margins: SafeMargins = TIKTOK_SAFE_MARGINS): Rect {
  const x = Math.ceil(width * margins.left);
  const y = Math.ceil(height * margins.top);
  const right = Math.floor(width * (1 - margins.right));
  const bottom = Math.floor(height * (1 - margins.bottom));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/**
 * Moves `box` the least distance that puts it inside `area`. A box larger than the area
 * (in either direction) is cut down to the area's size on that axis.
 */
export function clampBoxInto(box: Rect, area: Rect): Rect {
  const width = Math.min(box.width, area.width);
  const height = Math.min(box.height, area.height);
  const x = Math.min(Math.max(box.x, area.x), rectRight(area) - width);
  const y = Math.min(Math.max(box.y, area.y), rectBottom(area) - height);
  return { x, y, width, height };
}

/**
 * Like clampBoxInto, but a box too large for the area is scaled down keeping its aspect ratio
 * (about its centre) before being moved inside. Use for images and text blocks.
 */
export function fitBoxInto(box: Rect, area: Rect): Rect {
  const scale = Math.min(1, area.width / box.width, area.height / box.height);
  if (scale >= 1) return clampBoxInto(box, area);
  const width = box.width * scale;
  const height = box.height * scale;
  const centred = { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
  return clampBoxInto(centred, area);
}

export type Align = 'start' | 'center' | 'end';

/** A box of `size` placed inside `area` by alignment, e.g. captions at { x: 'center', y: 'end' }. */
export function placeBox(size: Size, area: Rect, align: { x: Align; y: Align }): Rect {
  const pos = (a: Align, start: number, room: number) => (a === 'start' ? start : a === 'center' ? start + room / 2 : start + room);
  const x = Math.round(pos(align.x, area.x, area.width - size.width));
  const y = Math.round(pos(align.y, area.y, area.height - size.height));
  return clampBoxInto({ x, y, width: size.width, height: size.height }, area);
}
