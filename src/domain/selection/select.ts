import {
  EVENT_KINDS,
  MAX_CLIP_SEC,
  kindCode,
  type EventKind,
  type Pick,
  type Product,
  type ProductWindow,
  type SelectionOptions,
} from '../events';
import { snapToQuiet, type QuietRun } from '../loudness';
import { planClip, type ClipPlan } from './clip';
import { freeIntervals, inferredWindows, pinnedWindows, type PinMarker } from './windows';

/** A clip needs at least this much weighted activity (5 clicks, or 1 order) to be a real peak. */
export const MIN_PEAK_SCORE = 5;
/**
 * A second clip must score at least this share of the product's first clip, and lie in
 * another window of the product or at least the minimum clip length away from the first.
 */
export const SECOND_CLIP_SHARE = 0.5;
/** At most this many unpinned products compete when windows are inferred (by total score). */
export const MAX_INFERRED_PRODUCTS = 300;
/** Boundaries move to a quiet moment at most this far. */
export const SNAP_SEC = 3;

export interface SelectionInput {
  products: Product[];
  /** Seconds from recording start (already resolved). */
  time: Float64Array;
  kind: Uint8Array;
  product: Uint32Array;
  durationSec: number;
}

export interface Selection {
  picks: Pick[];
  windows: ProductWindow[];
}

interface Candidate {
  window: ProductWindow;
  plan: ClipPlan;
  nth: 1 | 2;
  start: number;
  end: number;
  snapped: { start: boolean; end: boolean };
}

const PIN = kindCode('pin');
const UNPIN = kindCode('unpin');

/** Effective limits: max never over 60 s; min never over max, and relaxed only when the recording is shorter. */
export function clipLimits(o: SelectionOptions, durationSec: number) {
  const maxSec = Math.min(Math.max(o.maxSec, 1), MAX_CLIP_SEC);
  const minSec = Math.min(Math.max(o.minSec, 1), maxSec, durationSec);
  return { minSec, maxSec, leadInSec: Math.max(0, o.leadInSec) };
}

/**
 * Issue #3's rule (docs/selection.md): product windows from pins (or inferred from click
 * concentration), one adaptive clip per window around the product's click burst, the best
 * window per product (optionally a strong, separate second), boundaries snapped to quiet
 * moments, ranked by score with deterministic ties.
 */
export function selectHighlights(input: SelectionInput, options: SelectionOptions, quiet?: readonly QuietRun[]): Selection {
  const D = input.durationSec;
  if (!(D > 0)) return { picks: [], windows: [] };
  const limits = clipLimits(options, D);
  const weightOf = EVENT_KINDS.map((k) => Math.max(0, options.weights[k]));
  const windows = productWindows(input, weightOf, limits.minSec);
  const bins = windowBins(input, windows, weightOf);

  const byProduct = new Map<number, Candidate[]>();
  windows.forEach((window, w) => {
    const plan = planClip(bins[w]!, window.end - window.start, limits);
    if (!plan) return;
    const c: Candidate = { window, plan, nth: 1, start: window.start + plan.start, end: window.start + plan.end, snapped: { start: false, end: false } };
    byProduct.set(window.productIndex, [...(byProduct.get(window.productIndex) ?? []), c]);
  });

  const chosen: Candidate[] = [];
  for (const [, cands] of byProduct) {
    cands.sort((a, b) => b.plan.spanScore - a.plan.spanScore || a.start - b.start);
    const first = cands[0]!;
    chosen.push(first);
    if (options.secondClip) {
      const second = secondClip(first, cands.slice(1), bins[windows.indexOf(first.window)]!, limits);
      if (second && second.plan.spanScore >= SECOND_CLIP_SHARE * first.plan.spanScore) chosen.push(second);
    }
  }
  if (quiet?.length) for (const c of chosen) snap(c, quiet, limits);
  return { picks: rank(input, chosen, weightOf, options.topN), windows };
}

function productWindows(input: SelectionInput, weightOf: number[], minLenSec: number): ProductWindow[] {
  const { time, kind, product, durationSec } = input;
  const markers: PinMarker[] = [];
  for (let i = 0; i < time.length; i++) {
    if (kind[i] === PIN || kind[i] === UNPIN) markers.push({ time: time[i]!, productIndex: product[i]!, pin: kind[i] === PIN });
  }
  const pinned = pinnedWindows(markers, durationSec);
  const pinnedProducts = new Set(pinned.map((w) => w.productIndex));
  const free = freeIntervals(pinned, durationSec);
  const freeStarts = Float64Array.from(free, (f) => f[0]);
  const inFree = (t: number) => {
    const f = free[lastAtOrBefore(freeStarts, t)];
    return f !== undefined && t < f[1];
  };

  // Unpinned products compete for the free time; only the strongest few hundred are binned.
  const totals = new Float64Array(input.products.length);
  for (let i = 0; i < time.length; i++) {
    const p = product[i]!;
    const w = weightOf[kind[i]!]!;
    const t = time[i]!;
    if (w > 0 && t >= 0 && t < durationSec && !pinnedProducts.has(p) && inFree(t)) totals[p]! += w;
  }
  const contenders = Array.from(totals.keys())
    .filter((p) => totals[p]! >= MIN_PEAK_SCORE)
    .sort((a, b) => totals[b]! - totals[a]! || a - b)
    .slice(0, MAX_INFERRED_PRODUCTS);
  const rates = new Map(contenders.map((p) => [p, new Float64Array(Math.ceil(durationSec))]));
  const rateOf: Array<Float64Array | undefined> = Array.from(totals, (_, p) => rates.get(p));
  for (let i = 0; i < time.length; i++) {
    const r = rateOf[product[i]!];
    const t = time[i]!;
    if (r && t >= 0 && t < durationSec) r[Math.floor(t)]! += weightOf[kind[i]!]!;
  }
  const inferred = inferredWindows(rates, free, durationSec, minLenSec);
  return [...pinned, ...inferred].sort((a, b) => a.start - b.start);
}

/** Per-second weighted events of each window's own product, relative to the window start. */
function windowBins(input: SelectionInput, windows: ProductWindow[], weightOf: number[]): Float64Array[] {
  const bins = windows.map((w) => new Float64Array(Math.ceil(w.end - w.start)));
  const starts = Float64Array.from(windows, (w) => w.start);
  const { time, kind, product } = input;
  for (let i = 0; i < time.length; i++) {
    const weight = weightOf[kind[i]!]!;
    if (weight === 0) continue;
    const t = time[i]!;
    const w = lastAtOrBefore(starts, t);
    const win = windows[w];
    if (!win || t >= win.end || win.productIndex !== product[i]) continue;
    bins[w]![Math.floor(t - win.start)]! += weight;
  }
  return bins;
}

function lastAtOrBefore(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The best other clip of a product: another window, or the same window away from the first. */
function secondClip(first: Candidate, others: Candidate[], firstBins: Float64Array, limits: ReturnType<typeof clipLimits>): Candidate | null {
  const win = first.window;
  const blocked = new Uint8Array(firstBins.length);
  const from = Math.max(0, Math.floor(first.plan.start - limits.minSec));
  const to = Math.min(blocked.length, Math.ceil(first.plan.end + limits.minSec));
  blocked.fill(1, from, to);
  const plan = planClip(firstBins, win.end - win.start, limits, blocked);
  const same: Candidate[] = plan
    ? [{ window: win, plan, nth: 2, start: win.start + plan.start, end: win.start + plan.end, snapped: { start: false, end: false } }]
    : [];
  const pool = [...same, ...others.map((c) => ({ ...c, nth: 2 as const }))];
  pool.sort((a, b) => b.plan.spanScore - a.plan.spanScore || a.start - b.start);
  return pool[0] ?? null;
}

/** Moves each edge to the nearest quiet moment within ±3 s, keeping every limit. */
function snap(c: Candidate, quiet: readonly QuietRun[], limits: ReturnType<typeof clipLimits>): void {
  const { window: w } = c;
  const burstStart = w.start + c.plan.burst.start;
  const s = snapToQuiet(c.start, quiet, SNAP_SEC, Math.max(w.start, c.end - limits.maxSec), Math.min(burstStart, c.end - limits.minSec));
  const e = snapToQuiet(c.end, quiet, SNAP_SEC, Math.max(s.t + limits.minSec, w.start), Math.min(w.end, s.t + limits.maxSec));
  if (s.t + limits.minSec > e.t + 1e-9 || e.t - s.t > limits.maxSec + 1e-9) return;
  c.start = s.t;
  c.end = e.t;
  c.snapped = { start: s.snapped, end: e.snapped };
}

/** Exact counts per clip in one pass over the log, then ranking and the top N. */
function rank(input: SelectionInput, chosen: Candidate[], weightOf: number[], topN: number): Pick[] {
  const { time, kind, product, durationSec, products } = input;
  const clipsOf: Array<number[] | undefined> = new Array(products.length);
  chosen.forEach((c, i) => (clipsOf[c.window.productIndex] ??= []).push(i));
  const counts = chosen.map(() => new Float64Array(EVENT_KINDS.length));
  const scores = new Float64Array(chosen.length);
  const totals = new Float64Array(products.length);
  for (let i = 0; i < time.length; i++) {
    const clips = clipsOf[product[i]!];
    const t = time[i]!;
    if (!clips || t < 0 || t >= durationSec) continue;
    const w = weightOf[kind[i]!]!;
    totals[product[i]!]! += w;
    for (const ci of clips) {
      const c = chosen[ci]!;
      if (t >= c.start && t < c.end) {
        counts[ci]![kind[i]!]!++;
        scores[ci]! += w;
      }
    }
  }
  const order = chosen
    .map((c, i) => ({ c, i, score: scores[i]! }))
    .filter((x) => x.score >= MIN_PEAK_SCORE)
    .sort((a, b) => b.score - a.score || a.c.start - b.c.start || compare(products[a.c.window.productIndex]!.id, products[b.c.window.productIndex]!.id))
    .slice(0, topN);
  return order.map(({ c, i, score }, r) => {
    const p = products[c.window.productIndex]!;
    const k = counts[i]!;
    return {
      rank: r + 1,
      productIndex: c.window.productIndex,
      productId: p.id,
      ...(p.name !== undefined && { productName: p.name }),
      start: c.start,
      end: c.end,
      score,
      counts: Object.fromEntries(EVENT_KINDS.map((name, j) => [name, k[j]!])) as Record<EventKind, number>,
      why: {
        window: c.window,
        burst: { start: c.window.start + c.plan.burst.start, end: c.window.start + c.plan.burst.end },
        peakPerMin: Math.round(c.plan.peakPerMin * 10) / 10,
        share: score / (totals[c.window.productIndex] || 1),
        leadInSec: Math.max(0, c.window.start + c.plan.burst.start - c.start),
        snapped: c.snapped,
        nth: c.nth,
      },
    };
  });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
