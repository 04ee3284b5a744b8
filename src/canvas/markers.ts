import { Circle, FabricText, Rect, type FabricObject } from 'fabric';
import type { Rect as Box } from '../domain/edit/rect';

const WARN = '#ffb547';

/**
 * A marker on each overlay that has a layout warning: a dashed amber frame around its box and a
 * "!" badge at its top-left corner. Guides only: not selectable, not exported. `cssScale` keeps
 * the lines and badge a readable size on the scaled-down canvas.
 */
export function warningMarkers(boxes: ReadonlyArray<{ box: Box }>, cssScale: number): FabricObject[] {
  const px = (n: number) => n / cssScale;
  const guide = { selectable: false, evented: false, excludeFromExport: true } as const;
  return boxes.flatMap(({ box }) => [
    new Rect({
      ...guide,
      left: box.x,
      top: box.y,
      width: box.width,
      height: box.height,
      originX: 'left',
      originY: 'top',
      fill: 'rgba(255,181,71,0.10)',
      stroke: WARN,
      strokeWidth: px(2),
      strokeDashArray: [px(6), px(4)],
    }),
    new Circle({ ...guide, left: box.x, top: box.y, radius: px(9), originX: 'center', originY: 'center', fill: WARN }),
    new FabricText('!', {
      ...guide,
      left: box.x,
      top: box.y,
      originX: 'center',
      originY: 'center',
      fontSize: px(14),
      fontWeight: '800',
      fontFamily: 'Inter',
      fill: '#111318',
    }),
  ]);
}
