import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION, kindCode, type EventKind, type Pick, type Product } from '../../src/domain/events';
import { selectHighlights, type SelectionInput } from '../../src/domain/selection';

type Ev = [time: number, kind: EventKind, product: number];

function input(events: Ev[], durationSec: number, productCount = 1 + Math.max(0, ...events.map((e) => e[2]))): SelectionInput {
  const products: Product[] = Array.from({ length: productCount }, (_, i) => ({ id: `P${i}`, name: `Product ${i}` }));
  return {
    products,
    time: Float64Array.from(events, (e) => e[0]),
    kind: Uint8Array.from(events, (e) => kindCode(e[1])),
    product: Uint32Array.from(events, (e) => e[2]),
    durationSec,
  };
}

const clicks = (product: number, from: number, to: number, step = 1): Ev[] => {
  const out: Ev[] = [];
  for (let t = from; t < to; t += step) out.push([t, 'click', product]);
  return out;
};

const opts = (windowSec = 30, topN = 10) => ({ ...DEFAULT_SELECTION, windowSec, topN });

/** Score of the product's events inside [start, end), recomputed independently. */
function score(events: Ev[], product: number, start: number, end: number): number {
  const w: Record<EventKind, number> = DEFAULT_SELECTION.weights;
  return events.filter((e) => e[2] === product && e[0] >= start && e[0] < end).reduce((s, e) => s + w[e[1]], 0);
}

describe('selectHighlights', () => {
  it('finds each product’s densest window and ranks by score', () => {
    const events = [...clicks(0, 100, 120), ...clicks(1, 300, 340, 0.5), [310, 'order', 1] as Ev];
    const picks = selectHighlights(input(events, 600), opts());
    expect(picks.map((p) => p.productId)).toEqual(['P1', 'P0']);
    expect(picks[0]).toMatchObject({ rank: 1, start: 300, end: 330, score: 65 });
    expect(picks[0]!.counts).toMatchObject({ click: 60, order: 1 });
    expect(picks[1]).toMatchObject({ rank: 2, start: 100, end: 130, score: 20 });
  });

  it('weights add_to_cart 3 and order 5 over clicks', () => {
    const events: Ev[] = [...clicks(0, 0, 10), [200, 'order', 1], [201, 'order', 1], [202, 'add_to_cart', 1]];
    const [first] = selectHighlights(input(events, 400), opts());
    expect(first).toMatchObject({ productId: 'P1', score: 13 });
  });

  it('never returns a clip longer than 60 s, even when asked', () => {
    const picks = selectHighlights(input(clicks(0, 0, 200), 500), opts(120));
    expect(picks[0]!.end - picks[0]!.start).toBe(60);
  });

  it('keeps windows inside the recording, and shrinks to a recording shorter than the window', () => {
    const atEnd = selectHighlights(input(clicks(0, 95, 100, 0.1), 100), opts(30));
    expect(atEnd[0]).toMatchObject({ start: 70, end: 100 });
    const short = selectHighlights(input(clicks(0, 1, 9), 12), opts(30));
    expect(short[0]).toMatchObject({ start: 0, end: 12 });
  });

  it('ignores events outside the recording', () => {
    const picks = selectHighlights(input([...clicks(0, -50, -1), ...clicks(0, 150, 200), [10, 'click', 0]], 100), opts());
    expect(picks[0]!.score).toBe(1);
  });

  it('moves a product to its next-best free window instead of overlapping a stronger clip', () => {
    // P0 and P1 peak at the same time; P0 is stronger, P1 also has a weaker burst later.
    const events = [...clicks(0, 100, 130, 0.25), ...clicks(1, 100, 130, 0.5), ...clicks(1, 400, 410)];
    const picks = selectHighlights(input(events, 600), opts());
    expect(picks[0]).toMatchObject({ productId: 'P0', start: 100 });
    const p1 = picks.find((p) => p.productId === 'P1')!;
    expect(p1.start >= 130 || p1.end <= 100).toBe(true);
  });

  it('returns at most topN clips and one per product', () => {
    const events = Array.from({ length: 20 }, (_, p) => clicks(p, p * 50, p * 50 + 20 - p / 2)).flat();
    const picks = selectHighlights(input(events, 1200), opts(30, 5));
    expect(picks).toHaveLength(5);
    expect(new Set(picks.map((p) => p.productId)).size).toBe(5);
    expect(picks.map((p) => p.productId)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4']);
  });

  it('breaks ties by earlier start, then product id', () => {
    const picks = selectHighlights(input([...clicks(1, 10, 15), ...clicks(0, 200, 205), ...clicks(2, 10, 15)], 400, 3), opts(5));
    expect(picks.map((p) => p.productId)).toEqual(['P1', 'P0']);
  });

  it('gives no clip to products whose events all score zero', () => {
    expect(selectHighlights(input([[5, 'pin', 0], [50, 'unpin', 0]], 100), opts())).toEqual([]);
  });
});

const eventArb = (duration: number, products: number) =>
  fc.tuple(
    fc.double({ min: -10, max: duration + 10, noNaN: true }),
    fc.constantFrom<EventKind>('click', 'click', 'add_to_cart', 'order', 'pin'),
    fc.integer({ min: 0, max: products - 1 }),
  );

const caseArb = fc
  .record({ duration: fc.integer({ min: 5, max: 400 }), products: fc.integer({ min: 1, max: 6 }), window: fc.integer({ min: 1, max: 90 }), topN: fc.integer({ min: 1, max: 8 }) })
  .chain((c) => fc.record({ c: fc.constant(c), events: fc.array(eventArb(c.duration, c.products), { maxLength: 200 }) }));

describe('selectHighlights properties', () => {
  it('every clip is ≤ 60 s, the chosen length (or the whole recording), inside it, one product, no overlap, deterministic', () => {
    fc.assert(
      fc.property(caseArb, ({ c, events }) => {
        const inp = input(events, c.duration, c.products);
        const picks = selectHighlights(inp, opts(c.window, c.topN));
        const len = Math.min(c.window, 60, c.duration);
        expect(picks.length).toBeLessThanOrEqual(c.topN);
        expect(new Set(picks.map((p) => p.productId)).size).toBe(picks.length);
        for (const p of picks) {
          expect(p.end - p.start).toBeCloseTo(len, 2);
          expect(p.start).toBeGreaterThanOrEqual(0);
          expect(p.end).toBeLessThanOrEqual(c.duration);
          expect(p.score).toBe(score(events, p.productIndex, p.start, p.end));
        }
        const sorted = [...picks].sort((a, b) => a.start - b.start);
        sorted.slice(1).forEach((p, i) => expect(p.start).toBeGreaterThanOrEqual(sorted[i]!.end - 1e-6));
        picks.slice(1).forEach((p, i) => expect(p.score).toBeLessThanOrEqual(picks[i]!.score));
        expect(selectHighlights(inp, opts(c.window, c.topN))).toEqual(picks);
      }),
      { numRuns: 300 },
    );
  });

  it('the top clip has the best score any window of that length could have (brute-force oracle)', () => {
    fc.assert(
      fc.property(caseArb, ({ c, events }) => {
        const picks: Pick[] = selectHighlights(input(events, c.duration, c.products), opts(c.window, c.topN));
        const len = Math.min(c.window, 60, c.duration);
        let best = 0;
        // Optimal windows start at an event time or end at the recording's end.
        const starts = [...events.map((e) => e[0]), c.duration - len].filter((s) => s >= 0 && s + len <= c.duration + 1e-9);
        for (let p = 0; p < c.products; p++) for (const s of starts) best = Math.max(best, score(events, p, s, s + len));
        expect(picks[0]?.score ?? 0).toBe(best);
      }),
      { numRuns: 300 },
    );
  });
});
