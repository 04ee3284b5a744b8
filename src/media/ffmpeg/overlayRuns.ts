/**
 * Overlays grouped for ffmpeg's filter graph. Every overlay filter costs a little on every
 * output frame even while switched off, and a looped still read from the clip start is decoded
 * on every frame until it disappears: 150 word images of a highlighted caption track made a 20 s
 * render ~6× slower in native ffmpeg (CPU time). So each still is read only for the frames it
 * shows (its stream shifted to its start), and back-to-back stills with the same box (the word
 * images of one caption cue) are interleaved into one stream behind one overlay filter. (Not
 * `concat`: it does not advance past a one-frame segment, and short words are one frame long.)
 *
 * Frames follow the WebCodecs engine's rule (plan.ts `overlayAlpha`): output frame k (at k/fps)
 * shows an overlay when from ≤ k/fps ≤ to, a later one on top; so within a run a boundary frame
 * belongs to the next image, and the run's last image includes its end.
 */
import type { OverlayImage } from '../../domain/edit/plan';

export interface OverlayRun {
  /** The stills in order, each with the output frame it starts at and how many it is shown for (at least 1). */
  stills: Array<{ overlay: OverlayImage; firstFrame: number; frames: number }>;
  x: number;
  y: number;
  from: number;
  to: number;
  fadeInSec?: number;
}

const EPS = 1e-6;
const sameBox = (a: OverlayImage, b: OverlayImage) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** `overlays` (visible, in compositing order) as runs; stills that fall between two frames are left out. */
export function overlayRuns(overlays: readonly OverlayImage[], fps: number): OverlayRun[] {
  const groups: OverlayImage[][] = [];
  for (const o of overlays) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last && sameBox(last, o) && Math.abs(o.from - last.to) < EPS && !o.fadeInSec) group.push(o);
    else groups.push([o]);
  }
  return groups.flatMap((group) => {
    const first = group[0];
    const end = group[group.length - 1];
    if (!first || !end) return [];
    const frameAt = (t: number) => Math.ceil(t * fps - EPS);
    const stills = group
      .map((overlay) => {
        const firstFrame = frameAt(overlay.from);
        return { overlay, firstFrame, frames: (overlay === end ? Math.floor(overlay.to * fps + EPS) + 1 : frameAt(overlay.to)) - firstFrame };
      })
      .filter((s) => s.frames > 0);
    if (stills.length === 0) return [];
    return [{ stills, x: first.x, y: first.y, from: first.from, to: end.to, ...(first.fadeInSec && { fadeInSec: first.fadeInSec }) }];
  });
}
