import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsRect } from '../../src/domain/edit/rect';
import { clampBoxInto, fitBoxInto, placeBox, safeArea, TIKTOK_SAFE_MARGINS } from '../../src/domain/edit/safeArea';

describe('safeArea', () => {
  it('keeps clear of the top 8%, right 15%, bottom 20% (and a 4% left edge)', () => {
    expect(safeArea(1080, 1920)).toEqual({ x: 44, y: 154, width: 874, height: 1382 });
    expect(safeArea(720, 1280)).toEqual({ x: 29, y: 103, width: 583, height: 921 });
    expect(TIKTOK_SAFE_MARGINS).toMatchObject({ top: 0.08, right: 0.15, bottom: 0.2 });
  });
  it('takes custom margins and never goes negative', () => {
    expect(safeArea(1080, 1920, { top: 0, right: 0, bottom: 0, left: 0 })).toEqual({ x: 0, y: 0, width: 1080, height: 1920 });
    expect(safeArea(100, 100, { top: 0.6, right: 0.6, bottom: 0.6, left: 0.6 })).toMatchObject({ width: 0, height: 0 });
  });
});

describe('box helpers', () => {
  const area = safeArea(1080, 1920);
  it('clampBoxInto moves a box the least distance into the area', () => {
    expect(clampBoxInto({ x: 900, y: 1800, width: 200, height: 100 }, area)).toEqual({ x: 718, y: 1436, width: 200, height: 100 });
    expect(clampBoxInto({ x: 0, y: 0, width: 200, height: 100 }, area)).toEqual({ x: 44, y: 154, width: 200, height: 100 });
    const inside = { x: 100, y: 300, width: 200, height: 100 };
    expect(clampBoxInto(inside, area)).toEqual(inside);
  });
  it('clampBoxInto cuts an oversized box down to the area', () => {
    expect(clampBoxInto({ x: 0, y: 0, width: 1080, height: 100 }, area)).toEqual({ x: 44, y: 154, width: 874, height: 100 });
  });
  it('fitBoxInto scales an oversized box down keeping its aspect ratio', () => {
    const r = fitBoxInto({ x: 0, y: 800, width: 1080, height: 200 }, area);
    expect(r.width / r.height).toBeCloseTo(1080 / 200, 6);
    expect(r.width).toBeCloseTo(874, 6);
    expect(containsRect(area, r)).toBe(true);
    expect(fitBoxInto({ x: 100, y: 300, width: 20, height: 20 }, area)).toEqual({ x: 100, y: 300, width: 20, height: 20 });
  });
  it('placeBox aligns inside the area', () => {
    expect(placeBox({ width: 400, height: 100 }, area, { x: 'center', y: 'end' })).toEqual({ x: 281, y: 1436, width: 400, height: 100 });
    expect(placeBox({ width: 400, height: 100 }, area, { x: 'start', y: 'start' })).toEqual({ x: 44, y: 154, width: 400, height: 100 });
  });
  it('clamped boxes always end up inside', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }),
        (x, y, width, height) => {
          const box = { x, y, width, height };
          expect(containsRect(area, clampBoxInto(box, area))).toBe(true);
          const fitted = fitBoxInto(box, area);
          expect(containsRect(area, fitted)).toBe(true);
          expect(fitted.width / fitted.height).toBeCloseTo(width / height, 6);
        },
      ),
    );
  });
});
