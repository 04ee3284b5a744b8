import { describe, expect, it } from 'vitest';
import type { RenderPlan } from '../../src/domain/edit/plan';
import {
  cutPictureCheck,
  PICTURE_MAX_DIFF,
  pictureDifference,
  pictureProblem,
  shortPictureCheck,
  thumbMask,
  thumbOf,
} from '../../src/domain/media/pictureCheck';

const plan = (over: Partial<RenderPlan> = {}): RenderPlan => ({
  output: { width: 1080, height: 1920, fps: 30 },
  source: { start: 100, end: 110, width: 1920, height: 1080, rotation: 0, hasAudio: true },
  reframe: 'blur',
  quality: 'balanced',
  overlays: [],
  ...over,
});

/** An RGBA thumbnail of `n` pixels, all grey `v` except where `at` says. */
const grey = (n: number, v: number, at: Record<number, number> = {}) => {
  const px = new Uint8ClampedArray(4 * n);
  for (let i = 0; i < n; i++) px.fill(at[i] ?? v, 4 * i, 4 * i + 3);
  return px;
};

describe('comparing a file with its source picture', () => {
  it('a blurred-fill short is compared in its video band, with the source whole', () => {
    const check = shortPictureCheck(plan());
    expect(check.frame).toEqual({ crop: { x: 0, y: 0, width: 1920, height: 1080 }, video: { x: 0, y: 656, width: 1080, height: 608 } });
    expect(check.probes.map((p) => [p.outputTime, p.sourceTime])).toEqual([
      [3, 103],
      [5.5, 105.5],
      [8, 108],
    ]);
    expect(thumbOf(check.frame!.video)).toEqual({ width: 32, height: 18 });
  });

  it('a centre crop compares the source window the short shows, where the seller moved it', () => {
    const { frame } = shortPictureCheck(plan({ reframe: 'crop', cropX: 0 }));
    expect(frame).toEqual({ crop: { x: 0, y: 0, width: 608, height: 1080 }, video: { x: 0, y: 0, width: 1080, height: 1920 } });
  });

  it('overlays are left out, and a moment they nearly cover is not compared', () => {
    const band = { x: 0, y: 656, width: 1080, height: 608 };
    const caption = { id: 'cap', x: 0, y: 656, width: 540, height: 608, from: 0, to: 10 };
    const card = { id: 'card', x: 0, y: 0, width: 1080, height: 1920, from: 0, to: 4 };
    const check = shortPictureCheck(plan({ overlays: [caption, card] }));
    // The card covers the first moment (3 s); the caption the left half of the others.
    expect(check.probes.map((p) => p.outputTime)).toEqual([5.5, 8]);
    const mask = thumbMask(band, check.probes[0]!.masks);
    expect(mask.filter(Boolean).length).toBe(16 * 18);
    expect(mask[0]).toBe(true);
    expect(mask[31]).toBe(false);
  });

  it('a cut is compared whole, at the same moments of its range', () => {
    expect(cutPictureCheck(10, 20)).toEqual({
      probes: [
        { outputTime: 3, sourceTime: 13, masks: [] },
        { outputTime: 5.5, sourceTime: 15.5, masks: [] },
        { outputTime: 8, sourceTime: 18, masks: [] },
      ],
    });
  });

  it('the difference is mean luma over the open pixels', () => {
    const mask = [false, false, true, false];
    expect(pictureDifference(grey(4, 100), grey(4, 100, { 2: 0 }), mask)).toBe(0);
    expect(pictureDifference(grey(4, 100), grey(4, 130), mask)).toBeCloseTo(30, 5);
    expect(pictureDifference(grey(4, 100), grey(4, 100), [true, true, true, true])).toBeNaN();
  });

  it('wrong only when every compared moment is: one scene cut between neighbouring frames is not a wrong file', () => {
    expect(pictureProblem([])).toBeNull();
    expect(pictureProblem([{ outputTime: 3, diff: Number.NaN }])).toBeNull();
    expect(
      pictureProblem([
        { outputTime: 3, diff: 70 },
        { outputTime: 5.5, diff: 4 },
      ]),
    ).toBeNull();
    expect(
      pictureProblem([
        { outputTime: 3, diff: PICTURE_MAX_DIFF + 1 },
        { outputTime: 5.5, diff: 67.5 },
      ]),
    ).toBe('its picture does not match the recording (mean difference 68/255 at 5.5 s of the clip)');
  });
});
