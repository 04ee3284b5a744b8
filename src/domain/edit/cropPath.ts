/**
 * A crop that moves during the clip (issue 23): the seller pins the crop window at moments of the
 * clip, and between pins it moves as a camera operator would. It holds still, then pans to the
 * next pin with an eased start and stop, arriving at the pin's moment. Before the first pin it
 * holds there, after the last it stays. Pure: both engines, the editor's canvas and its preview
 * read the same path (the ffmpeg engine as an expression of `t`).
 */
import { clampCropX } from './reframe';

/** The crop window at clip time `t` (seconds) sits at `x` of its travel: 0 left edge … 1 right edge. */
export interface CropPin {
  t: number;
  x: number;
}

/** How long a pan to the next pin takes: at most this, less when pins are closer. */
export const PAN_SEC = 0.8;
/** A pin this close to the frame shown is the one the slider or a drag moves. */
export const PIN_NEAR_SEC = 0.1;

/** Ease in and out (smoothstep): the pan starts and stops without a jolt. */
const ease = (u: number) => u * u * (3 - 2 * u);

const byTime = (pins: readonly CropPin[]) => [...pins].sort((a, b) => a.t - b.t);

/** One pan of the path: from `x0` at `from` to `x1` at `to` (clip seconds). */
export interface CropPan {
  from: number;
  to: number;
  x0: number;
  x1: number;
}

/** The pans between pins, in order (none where two pins have the same position). */
export function cropPans(pins: readonly CropPin[]): CropPan[] {
  const sorted = byTime(pins);
  return sorted.slice(1).flatMap((p, i) => {
    const prev = sorted[i]!;
    if (p.x === prev.x) return [];
    return [{ from: Math.max(prev.t, p.t - PAN_SEC), to: p.t, x0: clampCropX(prev.x), x1: clampCropX(p.x) }];
  });
}

/**
 * The crop's position by clip time: the pinned path, or `fallback` (the one fixed position)
 * without pins. The pans are worked out once, for a render's or a preview's every frame.
 */
export function cropPath(pins: readonly CropPin[] | undefined, fallback: number | undefined): (t: number) => number {
  const first = pins && byTime(pins)[0];
  if (!pins || !first) {
    const fixed = clampCropX(fallback);
    return () => fixed;
  }
  const pans = cropPans(pins);
  return (t) => {
    let x = clampCropX(first.x);
    for (const pan of pans) {
      if (t >= pan.to) x = pan.x1;
      else if (t > pan.from) return pan.x0 + (pan.x1 - pan.x0) * ease((t - pan.from) / (pan.to - pan.from));
      else break;
    }
    return x;
  };
}

/** Where the crop window sits at clip time `t` (`cropPath` for one moment). */
export const cropXAt = (pins: readonly CropPin[] | undefined, fallback: number | undefined, t: number): number => cropPath(pins, fallback)(t);

/** `pins` with the crop pinned at `x` at time `t`: a pin near `t` moves there, else one is added. */
export function pinCrop(pins: readonly CropPin[] | undefined, t: number, x: number): CropPin[] {
  const others = (pins ?? []).filter((p) => Math.abs(p.t - t) >= PIN_NEAR_SEC);
  return byTime([...others, { t, x: clampCropX(x) }]);
}

/** `pins` without the one pinned at `t`. */
export const unpinCrop = (pins: readonly CropPin[] | undefined, t: number): CropPin[] => (pins ?? []).filter((p) => p.t !== t);

const num = (v: number) => String(Math.round(v * 1e4) / 1e4);

/**
 * The path as an ffmpeg expression of `t` giving the crop's left edge in pixels, for `slack`
 * pixels of travel (source width − crop width): holds are constants, pans the same smoothstep.
 * The crop filter rounds it down to the chroma grid, as the canvas path's even floor does.
 */
export function cropXExpression(pins: readonly CropPin[], slack: number): string {
  const first = byTime(pins)[0];
  if (!first) throw new RangeError('cropXExpression needs a pin');
  const pans = cropPans(pins);
  let expr = num(slack * clampCropX(pans.at(-1)?.x1 ?? first.x));
  // Built from the end: each pan is "before its end, the hold before it or the pan; else what follows".
  for (let i = pans.length - 1; i >= 0; i--) {
    const p = pans[i]!;
    const u = `(t-${num(p.from)})/${num(p.to - p.from)}`;
    const moving = `${num(slack * p.x0)}+${num(slack * (p.x1 - p.x0))}*(${u})*(${u})*(3-2*(${u}))`;
    expr = `if(lt(t,${num(p.from)}),${num(slack * p.x0)},if(lt(t,${num(p.to)}),${moving},${expr}))`;
  }
  return expr;
}

/** Pins made for a clip that started `by` seconds later in the recording: each keeps its moment. */
export const shiftPins = (pins: readonly CropPin[], by: number): CropPin[] => pins.map((p) => ({ ...p, t: p.t + by }));
