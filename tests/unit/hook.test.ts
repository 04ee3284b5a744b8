// Issue 23 item 3: a hook in the first second — a teaser of the clip's busiest moment, then the clip.
import { describe, expect, it } from 'vitest';
import { HOOK_SEC, hookMoment, teaserOf } from '../../src/domain/edit/hook';
import { autoEdit } from '../../src/domain/edit/model';
import { clipDuration, frameRuns, makeRenderPlan, planProblems, sourceTimeAt, teaserFrames, voiceSpans } from '../../src/domain/edit/plan';
import { DEFAULT_HASHTAGS } from '../../src/domain/edit/postText';
import { retimeEdit } from '../../src/domain/edit/tightenEdit';

const clip = { start: 100, end: 130 };

describe('the hook moment', () => {
  it('is the busiest seconds, moved back by the click lag, inside the clip', () => {
    const perSecond = new Uint16Array(30);
    perSecond.set([9, 12], 20); // clicks peak 20–22 s into the clip
    const m = hookMoment(perSecond, clip, 3)!;
    expect(m.end - m.start).toBeCloseTo(HOOK_SEC, 9);
    // The middle of the busiest two seconds (121 s) less the lag, centred: 117.25 s.
    expect(m.start).toBeCloseTo(100 + 21 - 3 - HOOK_SEC / 2, 9);
    // Clicks at the very start with a long lag: held inside the clip.
    perSecond.fill(0).set([5, 5], 0);
    expect(hookMoment(perSecond, clip, 10)!.start).toBe(100);
  });

  it('teases the middle of a clip without clicks, and none of a clip too short', () => {
    expect(hookMoment(new Uint16Array(30), clip, 2)!.start).toBeCloseTo(115 - HOOK_SEC / 2, 9);
    expect(hookMoment(new Uint16Array(2), { start: 0, end: 2 }, 0)).toBeNull();
  });

  it('plays only when on, kept inside a trimmed clip', () => {
    expect(teaserOf(undefined, clip)).toBeUndefined();
    expect(teaserOf({ enabled: false, at: 110 }, clip)).toBeUndefined();
    expect(teaserOf({ enabled: true, at: 110 }, clip)).toEqual({ start: 110, end: 110 + HOOK_SEC });
    expect(teaserOf({ enabled: true, at: 129.5 }, clip)!.end).toBe(130);
  });
});

describe('a plan with a teaser', () => {
  const meta = { width: 1280, height: 720, rotation: 0, hasAudio: true, durationSec: 200 };
  const teaser = { start: 120, end: 121.5 };
  const keep = [
    { start: 100, end: 110 },
    { start: 112, end: 130 },
  ];
  const plan = makeRenderPlan(meta, clip, { width: 720, height: 1280, fps: 30 }, 'crop', 'fast', { teaser, keep });

  it('plays the teaser, then the clip (over its cuts) from its start', () => {
    expect(planProblems(plan)).toEqual([]);
    expect(clipDuration(plan)).toBeCloseTo(1.5 + 28, 9);
    expect(sourceTimeAt(plan, 0.5)).toBe(120.5);
    expect(sourceTimeAt(plan, 1.5)).toBe(100);
    expect(sourceTimeAt(plan, 12)).toBe(112.5);
    expect(teaserFrames(plan)).toBe(45);
    expect(frameRuns(plan, { from: 0, to: 885 })).toEqual([
      { from: 0, to: 45 },
      { from: 45, to: 885 },
    ]);
    expect(frameRuns(plan, { from: 100, to: 200 })).toEqual([{ from: 100, to: 200 }]);
    expect(voiceSpans(plan)).toEqual([teaser, ...keep]);
    expect(voiceSpans({ ...plan, keep: undefined })).toEqual([teaser, clip]);
    expect(planProblems({ ...plan, teaser: { start: 90, end: 91.5 } })).toContain('the teaser must be inside the clip');
  });

  it('moves the edit after the teaser; the intro card keeps its length', () => {
    const edit = autoEdit({ pick: clip, product: { id: 'P', name: 'Mug' }, hashtags: DEFAULT_HASHTAGS });
    const timed = retimeEdit({ ...edit, captions: { ...edit.captions, cues: [{ start: 1, end: 2, text: 'hi' }] } }, clip.start, undefined, HOOK_SEC);
    expect(timed.captions.cues[0]).toMatchObject({ start: 1 + HOOK_SEC, end: 2 + HOOK_SEC });
    expect(timed.intro.durationSec).toBe(edit.intro.durationSec);
  });
});
