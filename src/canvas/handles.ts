import type { FabricObject } from 'fabric';

/** On-screen sizes in CSS pixels: WCAG's 24 px minimum target for a mouse, more for a finger. */
const HIT = 24;
const TOUCH_HIT = 40;
const DOT = 14;
const BORDER = 2;
const PADDING = 6;
const ROTATE_OFFSET = 32;

/**
 * Touch-sized selection handles with a visible frame. The canvas works at the design size and is
 * shown scaled down (`cssScale` = CSS px per canvas px, e.g. 1/3), and Fabric draws controls in
 * canvas pixels, so every size is divided by the scale. The hit area is HIT px while the dot
 * drawn is smaller, so handles stay out of the picture's way.
 */
export function styleHandles(o: FabricObject, cssScale: number): void {
  const px = (n: number) => n / cssScale;
  o.set({
    cornerSize: px(HIT),
    touchCornerSize: px(TOUCH_HIT),
    padding: px(PADDING),
    borderScaleFactor: px(BORDER),
    borderColor: '#25f4ee',
    cornerColor: '#ffffff',
    cornerStrokeColor: '#111318',
    cornerStyle: 'circle',
    transparentCorners: false,
  });
  for (const [name, control] of Object.entries(o.controls)) {
    if (name === 'mtr') control.offsetY = -px(ROTATE_OFFSET);
    const draw = control.render.bind(control);
    control.render = (ctx, left, top, style, target) => draw(ctx, left, top, { ...style, cornerSize: px(DOT) }, target);
  }
}
