// Issue 19, item 7: the last misses with a click log. Weak showings come back, the click lag is
// the stream's own, a snapped start never moves into the moment, and each clip says which
// showing and which peak it is (the exports: picks-export.test.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION, type Highlight, type ProductWindow, type SelectionOptions } from '../../src/domain/selection/model';
import type { QuietRun } from '../../src/domain/recording/loudness';
import { CLICK_LAG_SEC } from '../../src/domain/selection/clip';
import { explainPick } from '../../src/domain/selection/explain';
import { estimateClickLag } from '../../src/domain/selection/lag';
import { selectHighlights } from '../../src/domain/selection/select';
import { every, pin, selectionInput, type Ev } from './selectionInput';

const clicks = (product: number, from: number, to: number, step = 1) => every(product, from, to, step);
const select = (events: Ev[], duration: number, o: Partial<SelectionOptions> = {}, quiet?: QuietRun[]) =>
  selectHighlights(selectionInput(events, duration), { ...DEFAULT_SELECTION, ...o }, quiet);
const of = (picks: Highlight[], product: number) => picks.filter((p) => p.productId === `P${product}`).sort((a, b) => a.start - b.start);

/** Three products pinned 300 s each; product 0 again at the end, its burst `share` as dense as the first. */
function weakRepitch(share: number, weakFirst = false): Ev[] {
  const strong = 0.25;
  const weak = strong / share;
  return [
    ...pin(0, 0, 300),
    ...clicks(0, 100, 130, weakFirst ? weak : strong),
    ...pin(1, 300, 600),
    ...clicks(1, 400, 430, 0.5),
    ...pin(2, 600, 900),
    ...clicks(2, 700, 730, 0.5),
    ...pin(0, 900, 1200),
    ...clicks(0, 1000, 1030, weakFirst ? strong : weak),
  ];
}

describe('a clip for every time a product was shown', () => {
  it('ticked, a weak re-pitch (a quarter of the best one’s clicks a minute) still gets its clip', () => {
    const p0 = of(select(weakRepitch(0.25), 1200).picks, 0);
    expect(p0.map((p) => [p.why.showing, p.why.showings])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(p0[1]!.start).toBeLessThanOrEqual(1000);
    expect(p0[1]!.end).toBeGreaterThanOrEqual(1030);
  });

  it('ticked, a weak first showing before a strong re-pitch comes back too', () => {
    const p0 = of(select(weakRepitch(0.25, true), 1200).picks, 0);
    expect(p0).toHaveLength(2);
    expect(p0[0]!.start).toBeLessThanOrEqual(100);
    expect(p0[0]!.end).toBeGreaterThanOrEqual(130);
    expect(p0[0]!.why.showing).toBe(1);
  });

  it('unticked, one clip per product: its best; a product whose only showing is weak is still offered', () => {
    const { picks } = select([...weakRepitch(0.25, true), ...pin(3, 1200, 1500), ...clicks(3, 1300, 1330, 2)], 1500, { secondClip: false });
    expect(of(picks, 0)).toHaveLength(1);
    expect(of(picks, 0)[0]!.start).toBeGreaterThanOrEqual(900);
    expect(of(picks, 3)).toHaveLength(1);
    expect(picks.map((p) => p.productId).sort()).toEqual(['P0', 'P1', 'P2', 'P3']);
  });
});

/** Four products pinned in turn; viewers see everything `lag` s late: the pitch's clicks, then its demonstration's burst. */
function lagged(lag: number): Ev[] {
  return [0, 1, 2, 3].flatMap((p) => {
    const t = 100 + 300 * p;
    return [...pin(p, t), ...clicks(p, t + lag, t + 300 + lag, 2), ...clicks(p, t + 100 + lag, t + 130 + lag, 0.25)];
  });
}

describe('the click lag is the stream’s own', () => {
  it.each([6, 9, 12, 14])('clicks %d s behind the pins: the lag is measured, and every clip starts that much (plus the lead-in) before the rise', (lag) => {
    const { picks } = select(lagged(lag), 1400);
    expect(picks).toHaveLength(4);
    for (const p of picks) {
      expect(p.why.lag.estimated).toBe(true);
      expect(Math.abs(p.why.lag.sec - lag)).toBeLessThanOrEqual(1);
      expect(p.why.leadInSec).toBeCloseTo(p.why.lag.sec + DEFAULT_SELECTION.leadInSec, 6);
      // The demonstration starts at pin + 100 s: the clip holds it.
      expect(p.start).toBeLessThanOrEqual(100 + 300 * p.productIndex + 100 + 1);
    }
  });

  it('says the lag it used, and where it comes from', () => {
    const p = select(lagged(12), 1400).picks[0]!;
    const e = explainPick(p, false);
    expect(e.clip).toMatch(/\(viewers of this stream click about 12 s after the host shows a product, measured from \d+ pins\)/);
    expect(e.details).toContain("Click lag 12 s: this stream's, from 4 pins.");
  });

  it('falls back to the usual lag without pins, or when the pins cannot tell', () => {
    const noPins = lagged(12).filter((e) => e[1] !== 'pin');
    const p = select(noPins, 1400).picks[0]!;
    expect(p.why.lag).toEqual({ sec: CLICK_LAG_SEC, estimated: false, pins: 0 });
    expect(explainPick(p, false).clip).toContain('(viewers click a few seconds after the host shows the product)');
    // Pins, but their products' clicks do not change at them: nothing to measure.
    const flat = [0, 1, 2, 3].flatMap((q) => [...pin(q, 100 + 300 * q), ...clicks(q, 100 + 300 * q + 100, 100 + 300 * q + 130, 0.25)]);
    expect(select(flat, 1400).picks[0]!.why.lag.estimated).toBe(false);
  });

  it('one pin whose clicks rise at once does not drag the estimate', () => {
    const events = [...lagged(12), ...pin(4, 1300), ...clicks(4, 1300, 1400, 2)];
    const lag = estimateClickLag(
      select(events, 1400).windows,
      (p) =>
        Float64Array.from(
          events.filter((e) => e[2] === p && e[1] === 'click').map((e) => e[0]),
          (t) => t,
        ).sort(),
      1400,
    );
    expect(lag.estimated).toBe(true);
    expect(Math.abs(lag.sec - 12)).toBeLessThanOrEqual(1.5);
  });

  it('never shortens the usual lag, and stays under 20 s', () => {
    expect(select(lagged(1), 1400).picks[0]!.why.lag.sec).toBe(CLICK_LAG_SEC);
    const windows: ProductWindow[] = [0, 1, 2, 3].map((p) => ({ productIndex: p, start: 100 + 300 * p, end: 400 + 300 * p, source: 'pin' }));
    const late = (p: number) => Float64Array.from(clicks(p, 100 + 300 * p + 60, 400 + 300 * p, 0.5), (e) => e[0]);
    expect(estimateClickLag(windows, late, 1400).sec).toBeLessThanOrEqual(20);
  });
});

describe('snapping to a pause', () => {
  it('moves a start earlier, never later into the moment', () => {
    const events = [...pin(0, 0, 300), ...clicks(0, 100, 120, 0.5)];
    const plain = select(events, 300).picks[0]!;
    // A pause 2 s after the start (still before the rise): taking it would cut the lead-in.
    const later = select(events, 300, {}, [{ start: plain.start + 1.6, end: plain.start + 2.4 }]).picks[0]!;
    expect(later.start).toBe(plain.start);
    expect(later.why.snapped.start).toBe(false);
    const earlier = select(events, 300, {}, [{ start: plain.start - 2.4, end: plain.start - 1.6 }]).picks[0]!;
    expect(earlier.start).toBeCloseTo(plain.start - 2, 5);
  });
});

describe('what each clip says it is', () => {
  it('a product shown once is not "shown 2 times" because its bag clicks led in a lull later', () => {
    // No pins: P0 pitched (background and a burst), then P1; after P1, only P0's sparse bag clicks.
    const events = [...clicks(0, 0, 200, 4), ...clicks(0, 60, 90), ...clicks(1, 200, 400, 4), ...clicks(1, 260, 290), ...clicks(0, 420, 520, 8)];
    const p0 = of(select(events, 600).picks, 0);
    expect(p0).toHaveLength(1);
    expect(explainPick(p0[0]!, false).window).not.toContain('Shown');
    expect(p0[0]!.why.showings).toBe(1);
  });

  it('a product unpinned and pinned again a few seconds later was shown once', () => {
    const events = [...pin(0, 100, 200), ...pin(0, 210, 300), ...clicks(0, 130, 160), ...pin(1, 300, 500), ...clicks(1, 350, 380)];
    const { picks, windows } = select(events, 500);
    expect(windows.filter((w) => w.productIndex === 0)).toEqual([{ productIndex: 0, start: 100, end: 300, source: 'pin' }]);
    expect(of(picks, 0)[0]!.why.showings).toBe(1);
    expect(explainPick(of(picks, 0)[0]!, false).window).toBe('Pinned from 1:40 to 5:00.');
  });

  it('two clips in one pin say which peak each is, and keep apart under their keys', () => {
    const events = [...pin(0, 0, 600), ...clicks(0, 0, 600, 10), ...clicks(0, 100, 130, 0.5), ...clicks(0, 400, 430, 0.5)];
    const p0 = of(select(events, 600).picks, 0);
    expect(p0).toHaveLength(2);
    const [a, b] = p0.map((p) => explainPick(p, false).window);
    expect(a).not.toBe(b);
    expect(p0.map((p) => [p.why.showing, p.why.showings, p.why.peak, p.why.peaks])).toEqual([
      [1, 1, 1, 2],
      [1, 1, 2, 2],
    ]);
    expect(a).toMatch(/^Pinned from 0:00 to 10:00\. Its clicks peaked twice while it was on show: this clip is the 1st peak, at 1:[34]\d\.$/);
    expect(b).toMatch(/this clip is the 2nd peak, at 6:[34]\d\.$/);
  });
});
