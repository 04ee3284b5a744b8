/**
 * The editor's live preview clock, in clip time (seconds from the clip's start): where a drawn
 * frame falls, what happens at the clip's end, and single-frame steps.
 */

/** The last time a frame starts in a clip at `fps`: the playhead never goes past it. */
export const lastFrameTime = (clipSec: number, fps: number): number => Math.max(0, clipSec - 1 / fps);

/** What the player does with a frame at clip time t: draw it, or (past the clip) loop back or stop. */
export function atTime(t: number, clipSec: number, fps: number, loop: boolean): 'draw' | 'loop' | 'end' {
  if (t < clipSec - 0.5 / fps) return 'draw';
  return loop ? 'loop' : 'end';
}

/** One frame earlier (dir -1) or later (+1), on the output's frame grid, within the clip. */
export function stepFrame(t: number, dir: -1 | 1, clipSec: number, fps: number): number {
  const frame = Math.round(t * fps) + dir;
  return Math.min(lastFrameTime(clipSec, fps), Math.max(0, frame / fps));
}

/** Frames the screen showed that the preview did not draw, from the video's presented-frame counter. */
export const droppedBetween = (previous: number | undefined, presented: number): number => (previous === undefined ? 0 : Math.max(0, presented - previous - 1));
