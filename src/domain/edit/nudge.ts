/** Moving an element with the arrow keys, in steps of whole output pixels. */
import { DESIGN, type ElementLayout } from './model';

const ARROWS: Record<string, readonly [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The direction of an arrow key (x right, y down), or undefined for any other key. */
export const arrowDirection = (key: string): readonly [number, number] | undefined => ARROWS[key];

/**
 * One nudge in design units: one pixel of the output (1080 wide: 1 unit; 720 wide: 1.5), ten
 * with Shift. Layouts are kept in the 1080-wide design space whatever the output size.
 */
export const nudgeStep = (outputWidth: number, big: boolean): number => (DESIGN.width / outputWidth) * (big ? 10 : 1);

/** The layout moved by (dx, dy) design units; its centre stays on the frame so it cannot be lost. */
export function nudged(layout: ElementLayout, dx: number, dy: number): ElementLayout {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return { ...layout, x: clamp(layout.x + dx, DESIGN.width), y: clamp(layout.y + dy, DESIGN.height) };
}
