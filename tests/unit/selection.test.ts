import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION, kindCode, type EventKind, type Pick, type Product, type SelectionOptions } from '../../src/domain/events';
import type { QuietRun } from '../../src/domain/loudness';
import { BURST_THRESHOLD, TAIL_SEC } from '../../src/domain/selection/clip';
import { MIN_PEAK_SCORE, selectHighlights, type SelectionInput } from '../../src/domain/selection/select';

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

const burst = (product: number, from: number, to: number, step = 1, kind: EventKind = 'click'): Ev[] => {
  const out: Ev[] = [];
  for (let t = from; t < to - 1e-9; t += step) out.push([Math.round(t * 1000) / 1000, kind, product]);
  return out;
};
const pin = (product: number, from: number, to?: number): Ev[] => [[from, 'pin', product], ...(to === undefined ? [] : ([[to, 'unpin', product]] as Ev[]))];
const opts = (o: Partial<SelectionOptions> = {}): SelectionOptions => ({ ...DEFAULT_SELECTION, ...o });
const select = (events: Ev[], duration: number, o: Partial<SelectionOptions> = {}, quiet?: QuietRun[]) =>
  selectHighlights(input(events, duration), opts(o), quiet);
const len = (p: Pick) => p.end - p.start;

describe('product windows', () => {
  it('a clip lies inside its product’s pinned time, with the lead-in before the lagging clicks', () => {
    const { picks, windows } = select([...pin(0, 100, 220), ...burst(0, 130, 150, 0.5)], 600);
    expect(windows).toEqual([{ productIndex: 0, start: 100, end: 220, source: 'pin' }]);
    const [p] = picks;
    expect(p!.why.window.source).toBe('pin');
    expect(p!.start).toBeGreaterThanOrEqual(100);
    expect(p!.end).toBeLessThanOrEqual(220);
    expect(p!.start).toBeLessThanOrEqual(130 - 5);
    expect(p!.end).toBeGreaterThanOrEqual(150);
    expect(p!.why.leadInSec).toBeGreaterThanOrEqual(3);
    expect(p!.counts.click).toBe(40);
  });

  it('bag clicks on an old product while another is pinned are background, not a peak', () => {
    const events = [...pin(0, 0, 120), ...burst(0, 30, 50), ...pin(1, 120, 240), ...burst(1, 140, 150), ...burst(0, 150, 180, 0.25)];
    const { picks } = select(events, 300);
    const p0 = picks.find((p) => p.productId === 'P0')!;
    const p1 = picks.find((p) => p.productId === 'P1')!;
    expect(p0.end).toBeLessThanOrEqual(120);
    expect(p0.score).toBe(20);
    expect(p1.start).toBeGreaterThanOrEqual(120);
    // P1's clip does not mix in P0: P0 events inside it are not counted for anyone.
    expect(p1.counts.click).toBe(10);
    expect(picks).toHaveLength(2);
  });

  it('a pin closes the previous product’s pin, and the last pin runs to the end', () => {
    const { windows } = select([...pin(0, 10), ...pin(1, 50), ...burst(0, 20, 30), ...burst(1, 60, 70)], 100);
    expect(windows.map((w) => [w.productIndex, w.start, w.end])).toEqual([
      [0, 10, 50],
      [1, 50, 100],
    ]);
  });

  it('without pins, windows are inferred where each product’s clicks dominate', () => {
    const { picks, windows } = select([...burst(0, 50, 80), ...burst(1, 200, 230), ...burst(1, 60, 65, 2.5)], 400);
    expect(windows.every((w) => w.source === 'inferred')).toBe(true);
    const sorted = [...windows].sort((a, b) => a.start - b.start);
    sorted.slice(1).forEach((w, i) => expect(w.start).toBeGreaterThanOrEqual(sorted[i]!.end));
    expect(picks.map((p) => p.productId).sort()).toEqual(['P0', 'P1']);
    for (const p of picks) {
      expect(p.start).toBeGreaterThanOrEqual(p.why.window.start);
      expect(p.end).toBeLessThanOrEqual(p.why.window.end);
    }
  });

  it('unpinned products compete only for time nobody pinned', () => {
    const { picks } = select([...pin(0, 0, 100), ...burst(0, 10, 20), ...burst(1, 40, 80, 0.2), ...burst(1, 150, 170)], 300);
    const p1 = picks.find((p) => p.productId === 'P1')!;
    expect(p1.start).toBeGreaterThanOrEqual(100);
    expect(p1.why.window.source).toBe('inferred');
  });
});

describe('lengths and boundaries', () => {
  it('adapts the length to the burst, between the minimum and 60 s', () => {
    const short = select([...pin(0, 0, 300), ...burst(0, 100, 103, 0.2)], 300).picks[0]!;
    expect(len(short)).toBe(15);
    const long = select([...pin(0, 0, 300), ...burst(0, 50, 250, 0.5)], 300).picks[0]!;
    expect(len(long)).toBe(60);
    const mid = select([...pin(0, 0, 300), ...burst(0, 100, 125, 0.5)], 300).picks[0]!;
    expect(len(mid)).toBeGreaterThan(25);
    expect(len(mid)).toBeLessThan(45);
  });

  it('never exceeds 60 s even when asked, and a window shorter than the minimum gets no clip', () => {
    expect(len(select([...pin(0, 0, 300), ...burst(0, 0, 300, 0.5)], 300, { minSec: 90, maxSec: 120 }).picks[0]!)).toBe(60);
    expect(select([...pin(0, 10, 20), ...burst(0, 10, 20, 0.2)], 300).picks).toEqual([]);
  });

  it('a recording shorter than the minimum gives one clip of the whole recording', () => {
    const { picks } = select(burst(0, 1, 9, 0.5), 12);
    expect(picks[0]).toMatchObject({ start: 0, end: 12 });
  });

  it('products with too few events for a real peak get no clip', () => {
    const { picks } = select([...burst(0, 10, 14), ...burst(1, 100, 130)], 300);
    expect(picks.map((p) => p.productId)).toEqual(['P1']);
    expect(MIN_PEAK_SCORE).toBe(5);
  });

  it('snaps start and end to the nearest quiet moment within 3 s', () => {
    const events = [...pin(0, 0, 300), ...burst(0, 100, 120, 0.5)];
    const plain = select(events, 300).picks[0]!;
    const quiet = [
      { start: plain.start - 2.4, end: plain.start - 1.6 },
      { start: plain.end + 1, end: plain.end + 1.4 },
    ];
    const snapped = select(events, 300, {}, quiet).picks[0]!;
    expect(snapped.start).toBeCloseTo(plain.start - 2, 5);
    expect(snapped.end).toBeCloseTo(plain.end + 1.2, 5);
    expect(snapped.why.snapped).toEqual({ start: true, end: true });
    const far = select(events, 300, {}, [{ start: plain.start - 9, end: plain.start - 8 }]).picks[0]!;
    expect(far).toMatchObject({ start: plain.start, end: plain.end });
    expect(far.why.snapped).toEqual({ start: false, end: false });
  });
});

describe('ranking and count', () => {
  it('ranks by weighted score; weights change the order', () => {
    const events = [...pin(0, 0, 100), ...burst(0, 20, 40), ...pin(1, 100, 200), ...burst(1, 120, 125, 1, 'order'), ...burst(1, 125, 130)];
    expect(select(events, 300).picks.map((p) => p.productId)).toEqual(['P1', 'P0']);
    const clicksOnly = { weights: { ...DEFAULT_SELECTION.weights, order: 1 } };
    expect(select(events, 300, clicksOnly).picks.map((p) => p.productId)).toEqual(['P0', 'P1']);
  });

  it('one clip per product by default; a strong, separate second burst with the option', () => {
    const events = [...pin(0, 0, 100), ...burst(0, 20, 45), ...pin(1, 100, 200), ...burst(1, 120, 130), ...pin(0, 200, 300), ...burst(0, 220, 260)];
    expect(select(events, 300).picks.filter((p) => p.productId === 'P0')).toHaveLength(1);
    const both = select(events, 300, { secondClip: true }).picks.filter((p) => p.productId === 'P0');
    expect(both.map((p) => p.why.nth).sort()).toEqual([1, 2]);
    // A weak second burst (< 50 % of the first) is not a clip of its own.
    const weak = [...pin(0, 0, 100), ...burst(0, 20, 25), ...pin(0, 200, 300), ...burst(0, 220, 260)];
    expect(select(weak, 300, { secondClip: true }).picks).toHaveLength(1);
  });

  it('keeps the top N and breaks ties by start, then product id', () => {
    const events = Array.from({ length: 12 }, (_, p) => [...pin(p, p * 50, p * 50 + 50), ...burst(p, p * 50 + 10, p * 50 + 20)]).flat();
    const { picks } = select(events, 700, { topN: 5 });
    expect(picks.map((p) => p.productId)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4']);
    expect(picks.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('explains each clip: counts, peak rate, share, burst', () => {
    const { picks } = select([...pin(0, 0, 300), ...burst(0, 100, 110), [200, 'add_to_cart', 0]], 300);
    const why = picks[0]!.why;
    expect(picks[0]!.counts).toMatchObject({ click: 10, add_to_cart: 0 });
    expect(why.share).toBeCloseTo(10 / 13);
    expect(why.peakPerMin).toBeGreaterThan(30);
    expect(why.burst.start).toBeGreaterThanOrEqual(95);
    expect(why.burst.end).toBeLessThanOrEqual(115);
  });
});

// ---- properties over generated logs -------------------------------------------------------

const caseArb = fc
  .record({
    duration: fc.integer({ min: 5, max: 400 }),
    products: fc.integer({ min: 1, max: 5 }),
    minSec: fc.integer({ min: 1, max: 40 }),
    extra: fc.integer({ min: 0, max: 60 }),
    leadInSec: fc.integer({ min: 0, max: 10 }),
    topN: fc.integer({ min: 1, max: 8 }),
    secondClip: fc.boolean(),
  })
  .chain((c) =>
    fc.record({
      c: fc.constant(c),
      events: fc.array(
        fc.tuple(
          fc.double({ min: -10, max: c.duration + 10, noNaN: true }),
          fc.constantFrom<EventKind>('click', 'click', 'click', 'add_to_cart', 'order', 'pin', 'unpin'),
          fc.integer({ min: 0, max: c.products - 1 }),
        ),
        { maxLength: 250 },
      ),
      quiet: fc.array(fc.tuple(fc.double({ min: 0, max: c.duration, noNaN: true }), fc.double({ min: 0.2, max: 2, noNaN: true })), { maxLength: 30 }),
    }),
  );

const optionsOf = (c: { minSec: number; extra: number; leadInSec: number; topN: number; secondClip: boolean }) =>
  opts({ minSec: c.minSec, maxSec: c.minSec + c.extra, leadInSec: c.leadInSec, topN: c.topN, secondClip: c.secondClip });

const toRuns = (q: Array<[number, number]>): QuietRun[] =>
  q.map(([s, d]) => ({ start: s, end: s + d })).sort((a, b) => a.start - b.start).filter((r, i, all) => i === 0 || r.start >= all[i - 1]!.end);

describe('selection properties', () => {
  it('every clip: ≤ 60 s and ≤ max, ≥ min (or the recording), inside it, inside its product’s window, no overlap, deterministic', () => {
    fc.assert(
      fc.property(caseArb, ({ c, events, quiet }) => {
        const o = optionsOf(c);
        const runs = toRuns(quiet);
        const inp = input(events, c.duration, c.products);
        const { picks, windows } = selectHighlights(inp, o, runs);
        const minLen = Math.min(c.minSec, o.maxSec, 60, c.duration);
        expect(picks.length).toBeLessThanOrEqual(c.topN);
        for (const p of picks) {
          expect(len(p)).toBeLessThanOrEqual(Math.min(60, o.maxSec) + 1e-9);
          expect(len(p)).toBeGreaterThanOrEqual(minLen - 1e-9);
          expect(p.start).toBeGreaterThanOrEqual(0);
          expect(p.end).toBeLessThanOrEqual(c.duration + 1e-9);
          expect(p.why.window.productIndex).toBe(p.productIndex);
          expect(p.start).toBeGreaterThanOrEqual(p.why.window.start - 1e-9);
          expect(p.end).toBeLessThanOrEqual(p.why.window.end + 1e-9);
          expect(p.score).toBeGreaterThanOrEqual(MIN_PEAK_SCORE);
          // No clip touches time pinned for another product.
          for (const w of windows) {
            if (w.source === 'pin' && w.productIndex !== p.productIndex) expect(p.end <= w.start + 1e-9 || p.start >= w.end - 1e-9).toBe(true);
          }
        }
        if (!c.secondClip) expect(new Set(picks.map((p) => p.productId)).size).toBe(picks.length);
        const sorted = [...picks].sort((a, b) => a.start - b.start);
        sorted.slice(1).forEach((p, i) => expect(p.start).toBeGreaterThanOrEqual(sorted[i]!.end - 1e-9));
        picks.slice(1).forEach((p, i) => expect(p.score).toBeLessThanOrEqual(picks[i]!.score));
        expect(selectHighlights(inp, o, runs)).toEqual({ picks, windows });
      }),
      { numRuns: 400 },
    );
  });

  it('brute-force oracle: each clip has the rule’s length and the best-scoring position in its window', () => {
    fc.assert(
      fc.property(caseArb, ({ c, events }) => {
        const o = optionsOf(c);
        const { picks } = selectHighlights(input(events, c.duration, c.products), o);
        const minLen = Math.min(c.minSec, o.maxSec, 60, c.duration);
        // Second clips search around the first one; the oracle checks each product's best clip.
        for (const p of picks.filter((x) => x.why.nth === 1)) {
          const w = p.why.window;
          const n = Math.ceil(w.end - w.start);
          // Naive per-second bins of this product's scored events inside its window.
          const bins = new Array<number>(n).fill(0);
          for (const [t, kind, prod] of events) {
            if (prod === p.productIndex && t >= w.start && t < w.end) bins[Math.floor(t - w.start)]! += o.weights[kind];
          }
          const rate = bins.map((_, k) => bins.slice(Math.max(0, k - 2), k + 3).reduce((a, b) => a + b, 0) / 5);
          const peak = rate.indexOf(Math.max(...rate));
          let rise = peak;
          while (rise > 0 && rate[rise - 1]! >= rate[peak]! * BURST_THRESHOLD) rise--;
          let fall = peak;
          while (fall < n - 1 && rate[fall + 1]! >= rate[peak]! * BURST_THRESHOLD) fall++;
          expect(p.why.burst.start).toBeCloseTo(w.start + rise, 6);
          const L = Math.min(Math.max(fall + 1 - rise + TAIL_SEC + o.leadInSec, minLen), Math.min(o.maxSec, 60), w.end - w.start);
          expect(len(p)).toBeCloseTo(L, 6);
          const lead = Math.min(o.leadInSec, Math.max(0, L - 1), rise);
          const span = (c0: number) => {
            let s = 0;
            for (let k = Math.floor(c0 + lead); k < Math.min(n, Math.ceil(c0 + L)); k++) s += bins[k]!;
            return s;
          };
          const chosen = span(p.start - w.start);
          for (let c0 = 0; c0 + L <= w.end - w.start + 1e-9; c0++) expect(span(c0)).toBeLessThanOrEqual(chosen);
        }
      }),
      { numRuns: 300 },
    );
  });
});
