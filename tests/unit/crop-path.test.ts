import { describe, expect, it } from 'vitest';
import { cropPans, cropXAt, cropXExpression, PAN_SEC, pinCrop, shiftPins, unpinCrop } from '../../src/domain/edit/cropPath';

/** ffmpeg's expression as JavaScript: if(c,a,b) and lt(a,b) are all it uses. */
function evaluate(expr: string, t: number): number {
  const js = expr.replaceAll('if(', 'iff(');
  return new Function('t', 'iff', 'lt', `return ${js};`)(
    t,
    (c: boolean, a: number, b: number) => (c ? a : b),
    (a: number, b: number) => a < b,
  );
}

describe('a pinned crop path', () => {
  const pins = [
    { t: 1, x: 0 },
    { t: 3, x: 1 },
    { t: 3.5, x: 0.5 },
  ];

  it('without pins is the one fixed position', () => {
    expect(cropXAt(undefined, 0.3, 2)).toBe(0.3);
    expect(cropXAt([], undefined, 2)).toBe(0.5);
  });

  it('holds at the first pin before it and at the last after it', () => {
    expect(cropXAt(pins, 0.9, 0)).toBe(0);
    expect(cropXAt(pins, 0.9, 9)).toBe(0.5);
  });

  it('holds, then pans in the last PAN_SEC before a pin (less when pins are closer), arriving on time', () => {
    expect(cropPans(pins)).toEqual([
      { from: 3 - PAN_SEC, to: 3, x0: 0, x1: 1 },
      { from: 3, to: 3.5, x0: 1, x1: 0.5 },
    ]);
    expect(cropXAt(pins, undefined, 2)).toBe(0);
    expect(cropXAt(pins, undefined, 3 - PAN_SEC / 2)).toBeCloseTo(0.5, 9);
    expect(cropXAt(pins, undefined, 3)).toBe(1);
    expect(cropXAt(pins, undefined, 3.25)).toBeCloseTo(0.75, 9);
  });

  it('eases: slow at both ends of a pan, and never past its ends', () => {
    const at = (t: number) => cropXAt(pins, undefined, t);
    const from = 3 - PAN_SEC;
    const step = PAN_SEC / 100;
    expect(at(from + step) - at(from)).toBeLessThan(0.001);
    expect(at(from + PAN_SEC / 2 + step) - at(from + PAN_SEC / 2)).toBeGreaterThan(0.01);
    for (let t = from; t <= 3; t += step) {
      expect(at(t)).toBeGreaterThanOrEqual(0);
      expect(at(t)).toBeLessThanOrEqual(1);
    }
  });

  it("ffmpeg's expression gives the same path, in pixels", () => {
    const expr = cropXExpression(pins, 560);
    for (let t = 0; t <= 5; t += 0.05) expect(evaluate(expr, t)).toBeCloseTo(560 * cropXAt(pins, undefined, t), 1);
    expect(cropXExpression([{ t: 2, x: 0.25 }], 560)).toBe('140');
  });

  it('pinning near an existing pin moves it; unpinning takes it out', () => {
    expect(pinCrop(pins, 3.05, 0.2)).toEqual([
      { t: 1, x: 0 },
      { t: 3.05, x: 0.2 },
      { t: 3.5, x: 0.5 },
    ]);
    expect(pinCrop(undefined, 2, 1.4)).toEqual([{ t: 2, x: 1 }]);
    expect(unpinCrop(pins, 3)).toEqual([pins[0], pins[2]]);
  });

  it('pins keep their moment in the recording when the clip starts elsewhere', () => {
    expect(shiftPins(pins, -0.5).map((p) => p.t)).toEqual([0.5, 2.5, 3]);
  });
});
