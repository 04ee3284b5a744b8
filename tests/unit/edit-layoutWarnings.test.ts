import { describe, expect, it } from 'vitest';
import { layoutWarnings, type PlacedElement } from '../../src/domain/edit/layoutWarnings';
import { safeArea } from '../../src/domain/edit/safeArea';
import { contrastOf } from '../../src/domain/edit/textStyle';

const SAFE = safeArea(1080, 1920);
const caption: PlacedElement = {
  ref: { kind: 'caption' },
  box: { x: 73, y: 1300, width: 816, height: 170 },
  spans: [
    [1, 3],
    [4, 6],
  ],
};
const sticker = (x: number, y: number, spans: Array<[number, number]> = [[0, 6]]): PlacedElement => ({
  ref: { kind: 'sticker', key: 's' },
  box: { x, y, width: 200, height: 200 },
  spans,
});

describe('layout warnings', () => {
  it('none for a layout inside the safe area with nothing over the captions', () => {
    expect(layoutWarnings([caption, sticker(600, 200)], SAFE)).toEqual([]);
  });

  it('an overlay reaching out of the safe area (past a 2 px tolerance)', () => {
    const right = SAFE.x + SAFE.width;
    expect(layoutWarnings([sticker(right - 201, 200)], SAFE)).toEqual([]);
    expect(layoutWarnings([sticker(right - 198, 200)], SAFE)).toEqual([]);
    expect(layoutWarnings([sticker(right - 190, 200)], SAFE)).toEqual([{ ref: { kind: 'sticker', key: 's' }, outsideSafe: true, coversCaption: false }]);
    expect(layoutWarnings([{ ...caption, box: { ...caption.box, y: 1500 } }], SAFE)).toEqual([
      { ref: { kind: 'caption' }, outsideSafe: true, coversCaption: false },
    ]);
  });

  it('an overlay over the captions while both show, not when their times miss', () => {
    expect(layoutWarnings([caption, sticker(300, 1320)], SAFE)).toEqual([{ ref: { kind: 'sticker', key: 's' }, outsideSafe: false, coversCaption: true }]);
    expect(layoutWarnings([caption, sticker(300, 1320, [[3, 4]])], SAFE)).toEqual([]);
    expect(layoutWarnings([caption, sticker(300, 1320, [[2.9, 4]])], SAFE)).toHaveLength(1);
    expect(layoutWarnings([sticker(300, 1320)], SAFE)).toEqual([]);
  });
});

describe('text colours', () => {
  it('outlines and boxes contrast with the text colour', () => {
    expect(contrastOf('#ffffff')).toBe('#000000');
    expect(contrastOf('#ffd400')).toBe('#000000');
    expect(contrastOf('#25f4ee')).toBe('#000000');
    expect(contrastOf('#111111')).toBe('#ffffff');
    expect(contrastOf('#fe2c55')).toBe('#ffffff');
  });
});
