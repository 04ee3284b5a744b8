import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION, type Highlight, type SelectionOptions } from '../../src/domain/selection/model';
import type { EventKind } from '../../src/domain/clicklog/model';
import type { QuietRun } from '../../src/domain/recording/loudness';
import { burstLevels, CLICK_LAG_SEC, findBursts } from '../../src/domain/selection/clip';
import { explainPick } from '../../src/domain/selection/explain';
import { MIN_PEAK_SCORE, selectHighlights } from '../../src/domain/selection/select';
import { every, pin, selectionInput, type Ev } from './selectionInput';

const input = selectionInput;
const burst = every;
const opts = (o: Partial<SelectionOptions> = {}): SelectionOptions => ({ ...DEFAULT_SELECTION, ...o });
const select = (events: Ev[], duration: number, o: Partial<SelectionOptions> = {}, quiet?: QuietRun[]) =>
  selectHighlights(input(events, duration), opts(o), quiet);
const len = (p: Highlight) => p.end - p.start;

describe('product windows', () => {
  it('a clip lies inside its product’s pinned time, with the lead-in before the lagging clicks', () => {
    const { picks, windows } = select([...pin(0, 100, 220), ...burst(0, 130, 150, 0.5)], 600);
    expect(windows).toEqual([{ productIndex: 0, start: 100, end: 220, source: 'pin' }]);
    const [p] = picks;
    expect(p!.why.window.source).toBe('pin');
    expect(p!.start).toBeGreaterThanOrEqual(100);
    expect(p!.end).toBeLessThanOrEqual(220);
    // Shifted back by the click lag plus the lead-in, ending after the clicks fall.
    expect(p!.start).toBeCloseTo(130 - CLICK_LAG_SEC - 5, 6);
    expect(p!.end).toBeGreaterThanOrEqual(150);
    expect(p!.why.leadInSec).toBeCloseTo(CLICK_LAG_SEC + 5, 6);
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
    sorted.slice(1).forEach((w, i) => {
      expect(w.start).toBeGreaterThanOrEqual(sorted[i]!.end);
    });
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

describe('the clip holds the moment', () => {
  it('a sharp order peak inside a long demonstration does not shrink the clip', () => {
    // 35 s of steady clicks, three orders in one second in the middle, background all pitch long.
    const events = [...pin(0, 0, 400), ...burst(0, 0, 400, 10), ...burst(0, 100, 135, 0.5), ...burst(0, 117, 118, 0.34, 'order')];
    const [p] = select(events, 400).picks;
    expect(p!.why.burst.start).toBeLessThanOrEqual(101);
    expect(p!.why.burst.end).toBeGreaterThanOrEqual(134);
    expect(p!.start).toBeLessThanOrEqual(100 - CLICK_LAG_SEC);
    expect(p!.end).toBeGreaterThanOrEqual(135);
  });

  it('a burst far from the best raw stretch of weighted events: the clip goes to the burst', () => {
    // Orders trickle in early (heavy, but one every 12 s); the clicks burst later.
    const events = [...pin(0, 0, 400), ...burst(0, 30, 90, 12, 'order'), ...burst(0, 250, 275, 0.8)];
    const [p] = select(events, 400).picks;
    expect(p!.why.burst.start).toBeGreaterThanOrEqual(249);
    expect(p!.start).toBeLessThanOrEqual(p!.why.burst.start);
    expect(p!.end).toBeGreaterThanOrEqual(275);
  });

  it('a long burst is narrowed to its busiest 60 s, and the clip still holds what it shows', () => {
    const events = [...pin(0, 0, 300), ...burst(0, 50, 250, 0.5), ...burst(0, 150, 170, 0.25)];
    const [p] = select(events, 300).picks;
    expect(len(p!)).toBe(60);
    expect(p!.start).toBeLessThanOrEqual(150);
    expect(p!.end).toBeGreaterThanOrEqual(170);
  });
});

describe('re-pitches and every product', () => {
  const twice = [...pin(0, 0, 200), ...burst(0, 60, 90), ...pin(1, 200, 400), ...burst(1, 260, 290), ...pin(0, 400, 600), ...burst(0, 460, 490)];

  it('a product pitched twice with equal interest gets a clip for each pitch, by default', () => {
    const p0 = select(twice, 600).picks.filter((p) => p.productId === 'P0');
    expect(p0.map((p) => p.why.pitch).sort()).toEqual([1, 2]);
    expect(p0.every((p) => p.why.showings === 2)).toBe(true);
    for (const p of p0) expect(p.start <= p.why.burst.start && p.end >= p.why.burst.end).toBe(true);
    // With re-pitches off: one clip per product.
    expect(select(twice, 600, { secondClip: false }).picks.filter((p) => p.productId === 'P0')).toHaveLength(1);
  });

  it('a capped list keeps one clip per product before any re-pitch, and counts the products it hides', () => {
    const many = Array.from({ length: 25 }, (_, p) => [...pin(p, p * 100, p * 100 + 100), ...burst(p, p * 100 + 30, p * 100 + 60, 1 + p / 50)]).flat();
    const all = select([...many, ...pin(0, 2500, 2600), ...burst(0, 2530, 2560, 0.5)], 2600);
    expect(all.picks).toHaveLength(20);
    expect(new Set(all.picks.map((p) => p.productId)).size).toBe(20);
    expect(all.hiddenProducts).toBe(5);
    expect(select(many, 2600, { topN: 30 }).hiddenProducts).toBe(0);
  });

  it('a giveaway spike for an old product is not a clip, with or without pins', () => {
    const spike = burst(0, 300, 304, 0.2);
    const pinned = [...pin(0, 0, 200), ...burst(0, 60, 90), ...pin(1, 200, 500), ...burst(1, 350, 380), ...spike];
    expect(select(pinned, 500).picks.filter((p) => p.productId === 'P0')).toHaveLength(1);
    // No pins: P1's pitch background surrounds the spike; the spike is absorbed into P1's time.
    const unpinned = [...burst(0, 0, 200, 4), ...burst(0, 60, 90), ...burst(1, 200, 500, 4), ...burst(1, 350, 380), ...spike];
    const { picks } = select(unpinned, 500);
    expect(picks.filter((p) => p.productId === 'P0')).toHaveLength(1);
    const p1 = picks.find((p) => p.productId === 'P1')!;
    expect(p1.start).toBeLessThanOrEqual(350);
    expect(p1.end).toBeGreaterThanOrEqual(380);
  });

  it('without pins, each pitch’s clip holds its burst inside the inferred window', () => {
    const events = [0, 1, 2].flatMap((p) => [...burst(p, p * 300, p * 300 + 300, 5), ...burst(p, p * 300 + 120, p * 300 + 150, 0.6)]);
    const bag = burst(0, 300, 900, 20);
    const { picks } = select([...events, ...bag], 900);
    expect(picks.map((p) => p.productId).sort()).toEqual(['P0', 'P1', 'P2']);
    for (const p of picks) {
      const t0 = p.productIndex * 300 + 120;
      expect(p.why.window.source).toBe('inferred');
      expect(p.start).toBeLessThanOrEqual(t0 - CLICK_LAG_SEC);
      expect(p.end).toBeGreaterThanOrEqual(t0 + 30);
    }
  });
});

describe('lengths and boundaries', () => {
  it('never exceeds 60 s even when asked, and a window shorter than the minimum gets no clip', () => {
    expect(len(select([...pin(0, 0, 300), ...burst(0, 0, 300, 0.5)], 300, { minSec: 90, maxSec: 120 }).picks[0]!)).toBe(60);
    expect(select([...pin(0, 10, 20), ...burst(0, 10, 20, 0.2)], 300).picks).toEqual([]);
  });

  it('a short burst is grown to the minimum length, after the fall first', () => {
    const [p] = select([...pin(0, 0, 300), ...burst(0, 100, 104, 0.5)], 300).picks;
    expect(len(p!)).toBe(15);
    expect(p!.start).toBeCloseTo(100 - CLICK_LAG_SEC - 5, 6);
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

  it('snaps start and end to the nearest quiet moment within 3 s, never cutting the burst', () => {
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
    // A pause just inside the burst's end is not taken.
    const inside = select(events, 300, {}, [{ start: plain.why.burst.end - 1.5, end: plain.why.burst.end - 1 }]).picks[0]!;
    expect(inside.end).toBeGreaterThanOrEqual(plain.why.burst.end);
  });
});

describe('ranking and explanation', () => {
  it('ranks by score per second of clip; weights change the order', () => {
    const events = [...pin(0, 0, 100), ...burst(0, 20, 40), ...pin(1, 100, 200), ...burst(1, 120, 125, 1, 'order'), ...burst(1, 125, 140)];
    const ranked = select(events, 300).picks;
    expect(ranked.map((p) => p.productId)).toEqual(['P1', 'P0']);
    const clicksOnly = select(events, 300, { weights: { ...DEFAULT_SELECTION.weights, order: 1 } }).picks;
    expect(clicksOnly.map((p) => p.productId)).toEqual(['P0', 'P1']);
  });

  it('keeps the top N and breaks ties by start, then product id', () => {
    const events = Array.from({ length: 12 }, (_, p) => [...pin(p, p * 50, p * 50 + 50), ...burst(p, p * 50 + 10, p * 50 + 20)]).flat();
    const { picks } = select(events, 700, { topN: 5 });
    expect(picks.map((p) => p.productId)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4']);
    expect(picks.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('explains each clip in plain words', () => {
    const { picks } = select([...pin(0, 0, 300), ...burst(0, 0, 300, 15), ...burst(0, 100, 130, 0.5), [250, 'add_to_cart', 0]], 300);
    const p = picks[0]!;
    expect(p.why.backgroundPerMin).toBeGreaterThan(0);
    const e = explainPick(p, false);
    const times = Math.round(p.why.burstPerMin / p.why.backgroundPerMin);
    expect(times).toBeGreaterThan(2);
    expect(e.moment).toMatch(new RegExp(`^Clicks picked up at 1:4\\d and calmed down at 2:1\\d: about ${times} times the usual level\\.$`));
    expect(e.clip).toBe(
      `The clip starts ${CLICK_LAG_SEC + 5} s before that (viewers click a few seconds after the host shows the product) and ends ${Math.round(p.why.tailSec)} s after.`,
    );
    // A clip that ends with its moment does not say "ends 0 s after" (issue 20 item 7).
    expect(explainPick({ ...p, why: { ...p.why, tailSec: 0.3 } }, false).clip).toMatch(/ and ends with it\.$/);
    expect(e.window).toBe('Pinned from 0:00 to 5:00.');
    expect(e.activity).toMatch(/^\d+ clicks, 0 add-to-carts, 0 orders in the clip: \d+% of this product's activity in the recording\.$/);
    expect(e.edges).toBe('Starts and ends where the clicks say (pauses not measured yet).');
    // The exact figures stay available, behind "Details".
    expect(e.details).toMatch(/^Busy stretch 1:4\d–2:1\d: \d+ points a minute, against 4 a minute the rest of the time it was on show\. Score \d+ /);
    expect(explainPick({ ...p, why: { ...p.why, snapped: { start: true, end: false } } }, true).edges).toBe(
      'Starts at a pause in the voice; ends where the clicks say (no pause within 3 s).',
    );
    const quiet = explainPick({ ...p, why: { ...p.why, backgroundPerMin: 0 } }, false);
    expect(quiet.moment).toMatch(/, with hardly any the rest of the time\.$/);
    expect(quiet.details).not.toContain('against');
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
  q
    .map(([s, d]) => ({ start: s, end: s + d }))
    .sort((a, b) => a.start - b.start)
    .filter((r, i, all) => i === 0 || r.start >= all[i - 1]!.end);

describe('selection properties', () => {
  it('every clip: ≤ 60 s and ≤ max, ≥ min (or the recording), inside its product’s window, holds its burst, no overlap, deterministic', () => {
    fc.assert(
      fc.property(caseArb, ({ c, events, quiet }) => {
        const o = optionsOf(c);
        const runs = toRuns(quiet);
        const inp = input(events, c.duration, c.products);
        const result = selectHighlights(inp, o, runs);
        const { picks, windows } = result;
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
          expect(p.start).toBeLessThanOrEqual(p.why.burst.start + 1e-9);
          expect(p.end).toBeGreaterThanOrEqual(p.why.burst.end - 1e-9);
          expect(p.score).toBeGreaterThanOrEqual(MIN_PEAK_SCORE);
          // No clip touches time pinned for another product.
          for (const w of windows) {
            if (w.source === 'pin' && w.productIndex !== p.productIndex) expect(p.end <= w.start + 1e-9 || p.start >= w.end - 1e-9).toBe(true);
          }
        }
        if (!c.secondClip) expect(new Set(picks.map((p) => p.productId)).size).toBe(picks.length);
        const sorted = [...picks].sort((a, b) => a.start - b.start);
        sorted.slice(1).forEach((p, i) => {
          expect(p.start).toBeGreaterThanOrEqual(sorted[i]!.end - 1e-9);
        });
        picks.slice(1).forEach((p, i) => {
          expect(p.score / len(p)).toBeLessThanOrEqual(picks[i]!.score / len(picks[i]!) + 1e-9);
        });
        expect(selectHighlights(inp, o, runs)).toEqual(result);
      }),
      { numRuns: 400 },
    );
  });

  it('brute-force oracle: the strongest burst holds the maximum-sum stretch of counts above its level', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 240 }), (raw) => {
        const counts = Float64Array.from(raw);
        const [first] = findBursts(counts);
        const { level } = burstLevels(counts);
        let best = { excess: 0, start: 0, end: 0 };
        for (let a = 0; a < raw.length; a++) {
          let sum = 0;
          for (let b = a; b < raw.length; b++) {
            sum += raw[b]! - level;
            if (sum > best.excess + 1e-9) best = { excess: sum, start: a, end: b + 1 };
          }
        }
        if (best.excess < 3) {
          // Nothing stands above the background: only the steady-interest fallback may answer.
          if (first) expect(first.backgroundPerSec).toBe(0);
          return;
        }
        expect(first!.excess).toBeCloseTo(best.excess, 6);
        expect(first!.rise).toBeLessThanOrEqual(best.start);
        expect(first!.fall).toBeGreaterThanOrEqual(best.end);
        expect(first!.events).toBe(raw.slice(first!.rise, first!.fall).reduce((a, b) => a + b, 0));
      }),
      { numRuns: 500 },
    );
  });
});
