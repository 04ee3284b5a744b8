import { describe, expect, it } from 'vitest';
import { stacked } from '../../src/canvas/scene';
import { moveLayer } from '../../src/domain/edit/commands';
import { elementsOf, movedOrder, refId } from '../../src/domain/edit/elements';
import { autoEdit, type ClipEdit } from '../../src/domain/edit/model';
import { DEFAULT_HASHTAGS } from '../../src/domain/edit/postText';

const auto = (): ClipEdit => autoEdit({ pick: { start: 0, end: 20 }, product: { id: 'P1', name: 'Mug', price: '9.00' }, hashtags: DEFAULT_HASHTAGS });
const ids = (edit: ClipEdit) => elementsOf(edit).map((e) => refId(e.ref));

describe('layer order (issue 20 item 8)', () => {
  it('stacks captions, stickers, texts, then the intro card until the seller moves a layer', () => {
    expect(ids(auto())).toEqual(['caption', 'sticker-sticker-1', 'intro']);
  });

  it('brings a sticker forward over the intro card and sends it back, one layer a step; nothing past the ends', () => {
    const edit = auto();
    const sticker = elementsOf(edit).find((e) => e.ref.kind === 'sticker')!.ref;
    const up = moveLayer.apply(edit, { ref: sticker, dir: 1 });
    expect(ids(up).at(-1)).toBe(refId(sticker));
    expect(movedOrder(up, sticker, 1)).toBeNull();
    expect(moveLayer.apply(up, { ref: sticker, dir: 1 })).toBe(up);
    const down = moveLayer.apply(up, { ref: sticker, dir: -1 });
    expect(ids(down)).toEqual(ids(edit));
  });

  it('puts overlays added after a reorder on top, in their default order', () => {
    const edit = auto();
    const sticker = elementsOf(edit).find((e) => e.ref.kind === 'sticker')!.ref;
    const moved = moveLayer.apply(edit, { ref: sticker, dir: 1 });
    const withText: ClipEdit = { ...moved, texts: [{ key: 'text-1', text: 'Hi', from: 0, to: 5, layout: { x: 0, y: 0, scale: 1, angle: 0 } } as never] };
    expect(ids(withText).at(-1)).toBe('text-text-1');
  });

  it('orders what the canvas and the export draw by the same rule', () => {
    const edit = auto();
    const sticker = elementsOf(edit).find((e) => e.ref.kind === 'sticker')!.ref;
    const moved = moveLayer.apply(edit, { ref: sticker, dir: 1 });
    const drawn = [{ kind: 'intro' as const }, sticker, { kind: 'caption' as const }];
    expect(stacked(moved, drawn, (r) => r).map(refId)).toEqual(ids(moved).filter((id) => drawn.some((r) => refId(r) === id)));
  });
});
