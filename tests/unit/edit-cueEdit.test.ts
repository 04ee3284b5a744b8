import { describe, expect, it } from 'vitest';
import type { Cue } from '../../src/domain/edit/captions';
import { addCue, cueTimeProblem, MIN_CUE_SEC, NEW_CUE_SEC, removeCue, retimeCue } from '../../src/domain/edit/cueEdit';

const cues: Cue[] = [
  { start: 0.5, end: 2, text: 'one' },
  { start: 3, end: 5, text: 'two' },
  { start: 6, end: 8, text: 'three' },
];
const CLIP = 10;

describe('caption retime validation', () => {
  it('accepts times inside the clip that leave the other lines alone', () => {
    expect(cueTimeProblem(cues, 1, 2, 6, CLIP)).toBeUndefined();
    expect(cueTimeProblem(cues, 2, 6, 10, CLIP)).toBeUndefined();
  });

  it('refuses times that are not numbers, outside the clip, too short or overlapping, saying why', () => {
    expect(cueTimeProblem(cues, 1, Number.NaN, 4, CLIP)).toMatch(/in seconds/);
    expect(cueTimeProblem(cues, 0, -0.1, 1, CLIP)).toMatch(/before the clip/);
    expect(cueTimeProblem(cues, 2, 6, 10.5, CLIP)).toMatch(/after the clip \(10 s\)/);
    expect(cueTimeProblem(cues, 1, 3, 3 + MIN_CUE_SEC / 2, CLIP)).toMatch(/at least 0.2 s/);
    expect(cueTimeProblem(cues, 1, 3, 2.5, CLIP)).toMatch(/at least/);
    expect(cueTimeProblem(cues, 1, 1.9, 4, CLIP)).toBe('That overlaps caption 1 (0.5 s–2 s).');
    expect(cueTimeProblem(cues, 1, 3, 6.1, CLIP)).toBe('That overlaps caption 3 (6 s–8 s).');
  });

  it('retimes a line to milliseconds and keeps the list in time order', () => {
    const r = retimeCue(cues, 2, 8.5, 9.12345, CLIP);
    expect(r).toEqual({ cues: [cues[0], cues[1], { start: 8.5, end: 9.123, text: 'three' }], index: 2 });
    const moved = retimeCue(cues, 2, 0, 0.4, CLIP);
    expect('cues' in moved && moved.cues.map((c) => c.text)).toEqual(['three', 'one', 'two']);
    expect('cues' in moved && moved.index).toBe(0);
    expect(retimeCue(cues, 1, 1, 4, CLIP)).toEqual({ error: 'That overlaps caption 1 (0.5 s–2 s).' });
    expect(retimeCue(cues, 7, 1, 2, CLIP)).toEqual({ error: 'No such caption.' });
  });

  it('adds a line at the frame shown, after the line showing then, cut short by the next one', () => {
    expect(addCue(cues, 8.5, CLIP, 'new')).toEqual({ cues: [...cues, { start: 8.5, end: CLIP, text: 'new' }], index: 3 });
    expect(addCue(cues, 2, CLIP, 'new')).toEqual({ cues: [cues[0], { start: 2, end: 3, text: 'new' }, cues[1], cues[2]], index: 1 });
    expect(addCue([], 1, CLIP, 'new')).toEqual({ cues: [{ start: 1, end: 1 + NEW_CUE_SEC, text: 'new' }], index: 0 });
    // Inside "two" (3–5): from its end to the start of "three".
    expect(addCue(cues, 4, CLIP, 'new')).toEqual({ cues: [cues[0], cues[1], { start: 5, end: 6, text: 'new' }, cues[2]], index: 2 });
    expect(addCue([], 0, 1, 'new')).toEqual({ cues: [{ start: 0, end: 1, text: 'new' }], index: 0 });
    expect(addCue(cues, 2.9, CLIP, 'new')).toEqual({ error: 'No room for a new caption here: scrub to a moment without one.' });
    expect(addCue(cues, 9.9, CLIP, 'new')).toHaveProperty('error');
  });

  it('removes a line', () => {
    expect(removeCue(cues, 1)).toEqual([cues[0], cues[2]]);
    expect(removeCue(cues, 5)).toEqual(cues);
  });
});
