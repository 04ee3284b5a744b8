// Trim and product link (issue 10, points 1 and 2): overrides applied to picks, the limits, the
// typed product, typed times, and what the trim timeline shows.
import { describe, expect, it } from 'vitest';
import { applyOverrides, clipKey, clipOf, setOverride, withProduct, withTrim } from '../../src/domain/clip/override';
import { limitMessage, limitRange, setEdge } from '../../src/domain/clip/trim';
import { shopSearch, validateProduct } from '../../src/domain/clip/product';
import { DEFAULT_WEIGHTS, type Highlight } from '../../src/domain/selection/model';
import { kindCode, type EventKind, type EventTable, type Product } from '../../src/domain/clicklog/model';
import { parseClock } from '../../src/domain/format';
import { eventsPerSecond, pausesIn, trimWindow } from '../../src/domain/clip/trimTimeline';
import { picksToJson } from '../../src/domain/selection/picksExport';

const products: Product[] = [
  { id: 'P1', name: 'Red Mug', price: '12.00' },
  { id: 'P2', name: 'Blue Cap', price: '9.50' },
];

const pick = (over: Partial<Highlight> = {}): Highlight => ({
  rank: 1,
  productIndex: 0,
  productId: 'P1',
  productName: 'Red Mug',
  start: 100,
  end: 130,
  score: 20,
  counts: { click: 20, add_to_cart: 0, order: 0, pin: 0, unpin: 0 },
  why: {
    window: { productIndex: 0, start: 90, end: 200, source: 'pin' },
    burst: { start: 105, end: 125 },
    burstPerMin: 60,
    backgroundPerMin: 5,
    share: 0.5,
    leadInSec: 9,
    tailSec: 5,
    snapped: { start: false, end: false },
    pitch: 2,
    showing: 2,
    showings: 2,
    peak: 1,
    peaks: 1,
    lag: { sec: 4, estimated: false, pins: 0 },
  },
  ...over,
});

describe('clipOf / applyOverrides', () => {
  it('without an override is the pick, keyed by its product and pitch', () => {
    const c = clipOf(pick(), undefined, products, 600);
    expect(c).toMatchObject({ key: 'P1#2', start: 100, end: 130, productId: 'P1', productName: 'Red Mug', trimmed: false, relinked: false });
    expect(c.auto).toEqual({ start: 100, end: 130, product: products[0] });
  });

  it('a pick from an older log keeps its own product when the newer log holds another at its index', () => {
    const newer = [{ id: 'Glow Serum', name: 'Glow Serum' }];
    expect(clipOf(pick({ productId: 'talk-1', productName: 'Menu Soft', productIndex: 0 }), undefined, newer, 600)).toMatchObject({
      productId: 'talk-1',
      productName: 'Menu Soft',
    });
  });

  it('applies a trim and a product; the key stays the selection’s so stored edits are found', () => {
    const linked = { id: 'X9', name: 'Green Vase', url: 'https://shop.example/x9' };
    const [c] = applyOverrides([pick()], { 'P1#2': { start: 102.5, end: 120, product: linked } }, products, 600);
    expect(c).toMatchObject({
      key: 'P1#2',
      start: 102.5,
      end: 120,
      productId: 'X9',
      productName: 'Green Vase',
      product: linked,
      trimmed: true,
      relinked: true,
    });
    expect(clipKey(pick())).toBe(c!.key);
    // Exports list what the user set.
    expect(JSON.parse(picksToJson([c!]))[0]).toMatchObject({ product_id: 'X9', product_name: 'Green Vase', start: 102.5, end: 120, duration: 17.5 });
  });

  it('brings a stored range that no longer fits inside the limits (a shorter recording, an old record)', () => {
    expect(clipOf(pick(), { start: 90, end: 200 }, products, 600)).toMatchObject({ start: 90, end: 150 });
    expect(clipOf(pick(), { start: 100, end: 130 }, products, 110)).toMatchObject({ start: 100, end: 110 });
  });
});

describe('limits', () => {
  const range = { start: 100, end: 130 };

  it('moves one edge and never the other', () => {
    expect(setEdge(range, 'start', 95.5, 600)).toEqual({ range: { start: 95.5, end: 130 } });
    expect(setEdge(range, 'end', 131.2, 600)).toEqual({ range: { start: 100, end: 131.2 } });
  });

  it('holds a clip at 60 s at most, and says so', () => {
    const held = setEdge(range, 'end', 170, 600);
    expect(held).toEqual({ range: { start: 100, end: 160 }, limit: 'max' });
    expect(limitMessage('end', 'max', held.range, 600)).toBe('A clip is at most 60 s: the end is held at 2:40.');
    expect(setEdge(range, 'start', 10, 600)).toEqual({ range: { start: 70, end: 130 }, limit: 'max' });
  });

  it('holds at least 1 s, and the start before the end', () => {
    expect(setEdge(range, 'end', 100.4, 600)).toEqual({ range: { start: 100, end: 101 }, limit: 'min' });
    expect(setEdge(range, 'start', 200, 600)).toEqual({ range: { start: 129, end: 130 }, limit: 'min' });
    expect(limitMessage('start', 'min', { start: 129, end: 130 }, 600)).toMatch(/at least 1 s before the end/);
  });

  it('keeps the clip inside the recording', () => {
    expect(setEdge({ start: 20, end: 40 }, 'start', -3, 600)).toEqual({ range: { start: 0, end: 40 }, limit: 'recording' });
    expect(setEdge({ start: 570, end: 590 }, 'end', 640, 600)).toEqual({ range: { start: 570, end: 600 }, limit: 'recording' });
    expect(limitMessage('end', 'recording', { start: 570, end: 600 }, 600)).toBe('The recording ends at 10:00: the end is held there.');
  });

  it('a recording shorter than 1 s is the shortest clip', () => {
    expect(setEdge({ start: 0, end: 0.6 }, 'end', 0.2, 0.6)).toEqual({ range: { start: 0, end: 0.6 }, limit: 'min' });
    expect(limitRange({ start: 3, end: 2 }, 0.6)).toEqual({ start: 0, end: 0.6 });
  });
});

describe('overrides stored per clip', () => {
  const c = clipOf(pick(), undefined, products, 600);

  it('keeps only what differs from the selection', () => {
    expect(withTrim(c, { start: 100, end: 130 })).toBeUndefined();
    expect(withTrim(c, { start: 101, end: 130 })).toEqual({ start: 101, end: 130 });
    expect(withProduct(c, products[0]!)).toBeUndefined();
    expect(withProduct(c, products[1]!)).toEqual({ product: products[1] });
  });

  it('a trim keeps the product link, a product change keeps the trim; reset drops only the trim', () => {
    const both = clipOf(pick(), { start: 101, end: 120, product: products[1] }, products, 600);
    expect(withTrim(both, undefined)).toEqual({ product: products[1] });
    expect(withProduct(both, products[0]!)).toEqual({ start: 101, end: 120 });
  });

  it('stores only the range and the product, never the rest of the clip it was made from', () => {
    const held = setEdge(c, 'start', 101, 600).range;
    expect(held).toEqual({ start: 101, end: 130 });
    expect(withTrim(c, { ...c, start: 101 })).toEqual({ start: 101, end: 130 });
  });

  it('removes a clip’s entry, and the whole map when it is empty', () => {
    const one = setOverride(undefined, 'P1#2', { start: 101 });
    expect(one).toEqual({ 'P1#2': { start: 101 } });
    expect(setOverride({ ...one, 'P2#1': { end: 3 } }, 'P1#2', undefined)).toEqual({ 'P2#1': { end: 3 } });
    expect(setOverride(one, 'P1#2', undefined)).toBeUndefined();
  });
});

describe('validateProduct', () => {
  it('needs an id and a name; price and link are optional', () => {
    expect(validateProduct({ id: ' X9 ', name: ' Green   Vase ', price: '', url: '' })).toEqual({ product: { id: 'X9', name: 'Green Vase' } });
    expect(validateProduct({ id: '', name: '', price: '', url: '' })).toEqual({ errors: { id: expect.any(String), name: expect.any(String) } });
  });

  it('takes only web addresses as the product link', () => {
    expect(validateProduct({ id: 'a', name: 'b', price: '5', url: 'https://shop.example/p?id=1' })).toEqual({
      product: { id: 'a', name: 'b', price: '5', url: 'https://shop.example/p?id=1' },
    });
    expect(validateProduct({ id: 'a', name: 'b', price: '', url: 'http://shop.example' })).toHaveProperty('product');
    for (const url of ['javascript:alert(1)', 'shop.example/p', 'ftp://shop.example', 'https://']) {
      expect(validateProduct({ id: 'a', name: 'b', price: '', url })).toEqual({ errors: { url: expect.stringMatching(/https:\/\//) } });
    }
  });

  it('refuses names and prices longer than the intro card draws', () => {
    expect(validateProduct({ id: 'a', name: 'n'.repeat(201), price: '1'.repeat(41), url: '' })).toEqual({
      errors: { name: expect.any(String), price: expect.any(String) },
    });
  });
});

describe('parseClock', () => {
  it('reads m:ss.s, h:mm:ss and plain seconds', () => {
    expect(parseClock('1:15.5')).toBe(75.5);
    expect(parseClock(' 0:07 ')).toBe(7);
    expect(parseClock('1:02:05')).toBe(3725);
    expect(parseClock('75,25')).toBe(75.25);
    expect(parseClock('90')).toBe(90);
  });

  it('refuses what is not a time', () => {
    for (const t of ['', 'abc', '1:75', '1:60:00', '-3', '1::2', '1:2:3:4']) expect(parseClock(t)).toBeUndefined();
  });
});

describe('trim timeline', () => {
  it('shows the clip and the selection’s range ± 30 s, inside the recording', () => {
    expect(trimWindow({ start: 100, end: 130 }, { start: 95, end: 130 }, 600)).toEqual({ start: 65, end: 160 });
    expect(trimWindow({ start: 10, end: 40 }, { start: 10, end: 40 }, 50)).toEqual({ start: 0, end: 50 });
  });

  it('counts the product’s scored events per second, resolving clock times and the offset', () => {
    const rows: Array<[number, 0 | 1, EventKind, number]> = [
      [100.2, 0, 'click', 0],
      [100.9, 0, 'order', 0],
      [101.5, 0, 'click', 1], // another product
      [102.1, 0, 'pin', 0], // not scored
      [1_000_103_500, 1, 'click', 0], // epoch ms: 103.5 s after the start
      [99.9, 0, 'click', 0], // before the span
    ];
    const events: EventTable = {
      time: Float64Array.from(rows.map((r) => r[0])),
      absolute: Uint8Array.from(rows.map((r) => r[1])),
      kind: Uint8Array.from(rows.map((r) => kindCode(r[2]))),
      product: Uint32Array.from(rows.map((r) => r[3])),
    };
    const counts = eventsPerSecond(events, 0, DEFAULT_WEIGHTS, { streamStartMs: 1_000_000_000, offsetSec: 0 }, { start: 100, end: 105 });
    expect(Array.from(counts)).toEqual([2, 0, 0, 1, 0]);
    // The recording started 1 s after the log's zero: everything is 1 s earlier.
    const late = eventsPerSecond(events, 0, DEFAULT_WEIGHTS, { streamStartMs: 1_000_000_000, offsetSec: 1 }, { start: 99, end: 104 });
    expect(Array.from(late)).toEqual([2, 0, 0, 1, 0]);
    // A weight of 0 leaves a kind out, as the selection does.
    expect(
      Array.from(eventsPerSecond(events, 0, { ...DEFAULT_WEIGHTS, order: 0 }, { streamStartMs: 1_000_000_000, offsetSec: 0 }, { start: 100, end: 102 })),
    ).toEqual([1, 0]);
  });

  it('cuts the pauses to the view', () => {
    expect(
      pausesIn(
        [
          { start: 1, end: 3 },
          { start: 9, end: 12 },
          { start: 30, end: 31 },
        ],
        { start: 2, end: 10 },
      ),
    ).toEqual([
      { start: 2, end: 3 },
      { start: 9, end: 10 },
    ]);
  });
});

describe('shopSearch', () => {
  it('searches TikTok for the shop id only where the product has one (issue 20 item 6)', () => {
    expect(shopSearch({ id: '1729382', name: 'Glow Serum' })).toEqual({ id: '1729382', name: 'Glow Serum' });
    // A typed name is its own id; a pitch found in a recording alone has ours.
    expect(shopSearch({ id: 'Glow Serum', name: 'Glow Serum' })).toEqual({ name: 'Glow Serum' });
    expect(shopSearch({ id: 'talk-2', name: 'Bamboo Hoodie' })).toEqual({ name: 'Bamboo Hoodie' });
    expect(shopSearch({ id: 'S1' })).toEqual({ id: 'S1' });
  });
});
