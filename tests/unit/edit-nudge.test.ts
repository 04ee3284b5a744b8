import { describe, expect, it } from 'vitest';
import { elementsOf, freshKey, sameRef, withLayout, withoutElement } from '../../src/domain/edit/elements';
import { autoEdit, DESIGN } from '../../src/domain/edit/model';
import { arrowDirection, nudged, nudgeStep } from '../../src/domain/edit/nudge';

const edit = autoEdit({ pick: { start: 10, end: 16 }, product: { id: 'P1', name: 'Silk Scarf', price: '24.99' }, hashtags: [] });

describe('nudging', () => {
  it('one step is one output pixel in design units; Shift makes it ten', () => {
    expect(nudgeStep(1080, false)).toBe(1);
    expect(nudgeStep(1080, true)).toBe(10);
    // 720-wide output: a pixel is 1.5 design units, so the overlay's exported box moves by whole pixels.
    expect(nudgeStep(720, false)).toBe(1.5);
    expect(nudgeStep(720, true)).toBe(15);
  });

  it('arrow keys give directions (y down); other keys none', () => {
    expect(arrowDirection('ArrowLeft')).toEqual([-1, 0]);
    expect(arrowDirection('ArrowRight')).toEqual([1, 0]);
    expect(arrowDirection('ArrowUp')).toEqual([0, -1]);
    expect(arrowDirection('ArrowDown')).toEqual([0, 1]);
    expect(arrowDirection('Enter')).toBeUndefined();
  });

  it('moves the centre, keeps scale and angle, and never off the frame', () => {
    const l = { x: 808, y: 264, scale: 0.7, angle: -12 };
    expect(nudged(l, 10, -1)).toEqual({ x: 818, y: 263, scale: 0.7, angle: -12 });
    expect(nudged(l, -5000, 5000)).toMatchObject({ x: 0, y: DESIGN.height });
    expect(nudged(l, 5000, -5000)).toMatchObject({ x: DESIGN.width, y: 0 });
  });
});

describe('elements of an edit', () => {
  it('lists the overlays in compositing order with their times', () => {
    const withText = {
      ...edit,
      texts: [
        {
          key: 'text-1',
          text: 'DEAL',
          size: 96,
          color: '#ffffff',
          font: 'inter' as const,
          style: 'outline' as const,
          from: 1,
          to: 3,
          layout: { x: 1, y: 2, scale: 1, angle: 0 },
        },
      ],
    };
    const els = elementsOf(withText);
    expect(els.map((e) => e.ref)).toEqual([{ kind: 'caption' }, { kind: 'sticker', key: 'sticker-1' }, { kind: 'text', key: 'text-1' }, { kind: 'intro' }]);
    expect(els[2]?.spans).toEqual([[1, 3]]);
    expect(els[0]?.spans).toEqual(edit.captions.cues.map((c) => [c.start, c.end]));
  });

  it('moves one element and leaves the others alone', () => {
    const ref = { kind: 'sticker', key: 'sticker-1' } as const;
    const moved = withLayout(edit, ref, { x: 1, y: 2, scale: 3, angle: 4 });
    expect(moved.stickers[0]?.layout).toEqual({ x: 1, y: 2, scale: 3, angle: 4 });
    expect(moved.intro).toBe(edit.intro);
    expect(edit.stickers[0]?.layout.x).not.toBe(1);
  });

  it('deleting removes stickers and texts, and turns the intro card and captions off', () => {
    expect(withoutElement(edit, { kind: 'sticker', key: 'sticker-1' }).stickers).toEqual([]);
    expect(withoutElement(edit, { kind: 'intro' }).intro.enabled).toBe(false);
    const noCaptions = withoutElement(edit, { kind: 'caption' });
    expect(noCaptions.captions.enabled).toBe(false);
    expect(elementsOf(noCaptions).some((e) => e.ref.kind === 'caption')).toBe(false);
  });

  it('refs compare by kind and key; new keys are free', () => {
    expect(sameRef({ kind: 'sticker', key: 'a' }, { kind: 'sticker', key: 'a' })).toBe(true);
    expect(sameRef({ kind: 'sticker', key: 'a' }, { kind: 'text', key: 'a' })).toBe(false);
    expect(sameRef({ kind: 'intro' }, null)).toBe(false);
    expect(freshKey(edit, 'sticker')).toBe('sticker-2');
    expect(freshKey(edit, 'text')).toBe('text-1');
  });
});
