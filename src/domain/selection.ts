import {
  EVENT_KINDS,
  MAX_CLIP_SEC,
  type EventKind,
  type Pick,
  type Product,
  type SelectionOptions,
} from './events';

/** Events of one product, sorted by time, with their weights. */
interface ProductSeries {
  productIndex: number;
  time: Float64Array;
  weight: Float64Array;
  kind: Uint8Array;
}

interface Window {
  start: number;
  end: number;
  score: number;
}

export interface SelectionInput {
  products: Product[];
  /** Seconds from recording start (already resolved). */
  time: Float64Array;
  kind: Uint8Array;
  product: Uint32Array;
  durationSec: number;
}

/** Clip length actually used: the option clamped to (0, 60] and to the recording. */
export function effectiveWindow(windowSec: number, durationSec: number): number {
  const w = Math.min(Math.max(windowSec, 1), MAX_CLIP_SEC);
  return Math.min(w, durationSec);
}

/**
 * Splits events by product, keeping only scored events inside the recording. Times are
 * bucketed per (product, kind) and sorted with the native numeric typed-array sort, then the
 * few kinds are merged: several times faster than an index sort with a comparator at 1 M events.
 */
function seriesByProduct(input: SelectionInput, weights: SelectionOptions['weights']): ProductSeries[] {
  const { time, kind, product, durationSec, products } = input;
  const K = EVENT_KINDS.length;
  const kindWeight = EVENT_KINDS.map((k) => weights[k]);
  const inside = (i: number) => {
    const t = time[i]!;
    return t >= 0 && t < durationSec && kindWeight[kind[i]!]! > 0;
  };
  const counts = new Uint32Array(products.length * K);
  for (let i = 0; i < time.length; i++) if (inside(i)) counts[product[i]! * K + kind[i]!]!++;
  const buckets = Array.from(counts, (n) => (n ? new Float64Array(n) : null));
  const fill = new Uint32Array(counts.length);
  for (let i = 0; i < time.length; i++) {
    if (!inside(i)) continue;
    const b = product[i]! * K + kind[i]!;
    buckets[b]![fill[b]!++] = time[i]!;
  }
  const series: ProductSeries[] = [];
  for (let p = 0; p < products.length; p++) {
    const parts = buckets.slice(p * K, p * K + K);
    const n = parts.reduce((sum, part) => sum + (part?.length ?? 0), 0);
    if (n === 0) continue;
    for (const part of parts) part?.sort();
    series.push(mergeKinds(p, parts, kindWeight, n));
  }
  return series;
}

/** Merges per-kind sorted times into one time-ordered series (k is at most 5). */
function mergeKinds(productIndex: number, parts: Array<Float64Array | null>, kindWeight: number[], n: number): ProductSeries {
  const out: ProductSeries = { productIndex, time: new Float64Array(n), weight: new Float64Array(n), kind: new Uint8Array(n) };
  const head = new Uint32Array(parts.length);
  for (let j = 0; j < n; j++) {
    let bestK = -1;
    let bestT = Infinity;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      if (part && head[k]! < part.length && part[head[k]!]! < bestT) {
        bestT = part[head[k]!]!;
        bestK = k;
      }
    }
    head[bestK]!++;
    out.time[j] = bestT;
    out.weight[j] = kindWeight[bestK]!;
    out.kind[j] = bestK;
  }
  return out;
}

/** Free stretches of [0, duration) once `taken` intervals are removed. */
function freeGaps(durationSec: number, taken: readonly Window[]): Array<[number, number]> {
  const sorted = [...taken].sort((a, b) => a.start - b.start);
  const gaps: Array<[number, number]> = [];
  let cursor = 0;
  for (const w of sorted) {
    if (w.start > cursor) gaps.push([cursor, w.start]);
    cursor = Math.max(cursor, w.end);
  }
  if (cursor < durationSec) gaps.push([cursor, durationSec]);
  return gaps;
}

/**
 * Best window of length `len` for one product inside the free gaps: an optimal window can
 * always be slid right until its start meets an event (or the gap's end), so only those
 * starts are tried, with a two-pointer sum over [start, start + len).
 */
function bestWindow(s: ProductSeries, len: number, gaps: Array<[number, number]>): Window | null {
  let best: Window | null = null;
  const consider = (start: number, score: number) => {
    if (score <= 0) return;
    if (!best || score > best.score || (score === best.score && start < best.start)) {
      best = { start, end: start + len, score };
    }
  };
  const { time, weight } = s;
  for (const [gapStart, gapEnd] of gaps) {
    if (gapEnd - gapStart < len - 1e-9) continue;
    const lastStart = gapEnd - len;
    let lo = lowerBound(time, gapStart);
    let hi = lo;
    let sum = 0;
    for (; lo < time.length && time[lo]! <= lastStart; lo++) {
      const start = time[lo]!;
      while (hi < time.length && time[hi]! < start + len) sum += weight[hi++]!;
      consider(start, sum);
      sum -= weight[lo]!;
    }
    // The window flush with the gap's end covers events the event-aligned starts may miss.
    consider(lastStart, sumRange(s, lastStart, gapEnd));
  }
  return best;
}

function lowerBound(arr: Float64Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sumRange(s: ProductSeries, start: number, end: number): number {
  let sum = 0;
  for (let i = lowerBound(s.time, start); i < s.time.length && s.time[i]! < end; i++) sum += s.weight[i]!;
  return sum;
}

function countKinds(s: ProductSeries, start: number, end: number): Record<EventKind, number> {
  const counts = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<EventKind, number>;
  for (let i = lowerBound(s.time, start); i < s.time.length && s.time[i]! < end; i++) {
    counts[EVENT_KINDS[s.kind[i]!]!]++;
  }
  return counts;
}

/**
 * Issue #2's rule: for each product the fixed-length window with the highest weighted score;
 * one product per clip; clips never overlap; ranked by score, ties broken by earlier start
 * then product id. Greedy with lazy re-evaluation: when a product's best window collides with
 * an accepted clip, its best window among the remaining free time is recomputed.
 */
export function selectHighlights(input: SelectionInput, options: SelectionOptions): Pick[] {
  if (!(input.durationSec > 0)) return [];
  const len = effectiveWindow(options.windowSec, input.durationSec);
  const series = seriesByProduct(input, options.weights);
  const accepted: Array<Window & { series: ProductSeries }> = [];
  const fullGaps = freeGaps(input.durationSec, []);
  let candidates = series
    .map((s) => ({ series: s, window: bestWindow(s, len, fullGaps) }))
    .filter((c): c is { series: ProductSeries; window: Window } => c.window !== null);
  const better = (a: (typeof candidates)[number], b: (typeof candidates)[number]) =>
    b.window.score - a.window.score ||
    a.window.start - b.window.start ||
    compareIds(input.products[a.series.productIndex]!.id, input.products[b.series.productIndex]!.id);

  while (accepted.length < options.topN && candidates.length > 0) {
    candidates.sort(better);
    const top = candidates.shift()!;
    const collides = accepted.some((a) => top.window.start < a.end && a.start < top.window.end);
    if (!collides) {
      accepted.push({ ...top.window, series: top.series });
      continue;
    }
    const again = bestWindow(top.series, len, freeGaps(input.durationSec, accepted));
    if (again) candidates.push({ series: top.series, window: again });
  }

  return accepted.map((w, i) => {
    const product = input.products[w.series.productIndex]!;
    return {
      rank: i + 1,
      productIndex: w.series.productIndex,
      productId: product.id,
      ...(product.name !== undefined && { productName: product.name }),
      start: w.start,
      end: Math.min(w.end, input.durationSec),
      score: w.score,
      counts: countKinds(w.series, w.start, w.end),
    };
  });
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
