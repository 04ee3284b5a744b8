/**
 * A hook in the first second (issue 23): the short opens with a teaser of the clip's peak, the
 * HOOK_SEC where the product's clicks were busiest, moved back by the viewers' click lag (they
 * click after they see it), with the product's name as a title; then the clip plays from its
 * start. Pure: the editor finds the moment from the clicks per second, the plan carries the
 * teaser (plan.ts `teaser`), both engines play it first.
 */
import type { Span } from './tighten';
import type { TextEdit } from './model';
import { DEFAULT_FONT } from './textStyle';

export const HOOK_SEC = 1.5;

/** The seller's choice for one clip: off by default. `at`: the teaser's start, recording time. */
export interface HookEdit {
  enabled: boolean;
  at: number;
}

/**
 * The teaser: of the clip's seconds (`perSecond[i]` counts the clicks in [clip.start + i, +1)),
 * the HOOK_SEC-long stretch holding the most, moved back by `lagSec`, inside the clip. A clip
 * with no clicks (a typed product) teases its middle. Null when the clip is too short to tease.
 */
export function hookMoment(perSecond: ArrayLike<number>, clip: Span, lagSec: number): Span | null {
  if (clip.end - clip.start < 2 * HOOK_SEC) return null;
  const width = Math.ceil(HOOK_SEC);
  let best = -1;
  let bestAt = (clip.start + clip.end - HOOK_SEC) / 2;
  for (let i = 0; i + width <= perSecond.length; i++) {
    let sum = 0;
    for (let j = i; j < i + width; j++) sum += perSecond[j] ?? 0;
    if (sum > best) {
      best = sum;
      // The middle of the busiest seconds, less the lag: what the viewers were reacting to.
      bestAt = sum > 0 ? clip.start + i + width / 2 - HOOK_SEC / 2 - lagSec : bestAt;
    }
  }
  const start = Math.min(clip.end - HOOK_SEC, Math.max(clip.start, bestAt));
  return { start, end: start + HOOK_SEC };
}

/** The teaser a render plays first, when the hook is on and still inside the (maybe trimmed) clip. */
export function teaserOf(hook: HookEdit | undefined, clip: Span): Span | undefined {
  if (!hook?.enabled || clip.end - clip.start < 2 * HOOK_SEC) return undefined;
  const start = Math.min(clip.end - HOOK_SEC, Math.max(clip.start, hook.at));
  return { start, end: start + HOOK_SEC };
}

/** The title over the teaser: the product's name, large, in the upper third (design pixels). */
export const hookTitle = (name: string): TextEdit => ({
  key: 'hook',
  text: name,
  size: 96,
  color: '#ffffff',
  font: DEFAULT_FONT,
  style: 'outline',
  from: 0,
  to: HOOK_SEC,
  layout: { x: 540, y: 560, scale: 1, angle: 0 },
});
