import type { ProductWindow } from './model';

export interface PinMarker {
  time: number;
  productIndex: number;
  pin: boolean;
}

/**
 * Pinned time per product. One product is pinned at a time, as in a TikTok LIVE: a pin closes
 * the previous product's pin; an unpin closes only its own product's pin; the last pin runs
 * to the end of the recording. A product unpinned and pinned again within INTERRUPTION_SEC,
 * nothing pinned in between, was shown once: its window runs on. Windows are clamped to the recording.
 */
export function pinnedWindows(markers: readonly PinMarker[], durationSec: number, source: 'pin' | 'speech' = 'pin'): ProductWindow[] {
  // At equal times an unpin goes first, so "unpin A, pin B" at t hands over cleanly.
  const sorted = [...markers].sort((a, b) => a.time - b.time || Number(a.pin) - Number(b.pin));
  const out: ProductWindow[] = [];
  let open = null as { productIndex: number; start: number } | null;
  const close = (end: number) => {
    if (!open) return;
    const start = Math.max(0, open.start);
    const stop = Math.min(durationSec, end);
    const last = out[out.length - 1];
    if (stop > start) {
      if (last && last.productIndex === open.productIndex && start - last.end < INTERRUPTION_SEC) last.end = stop;
      else out.push({ productIndex: open.productIndex, start, end: stop, source });
    }
    open = null;
  };
  for (const m of sorted) {
    if (m.pin) {
      if (open?.productIndex === m.productIndex) continue;
      close(m.time);
      open = { productIndex: m.productIndex, start: m.time };
    } else if (open?.productIndex === m.productIndex) {
      close(m.time);
    }
  }
  close(durationSec);
  return out;
}

/** [0, duration) minus the given (sorted, disjoint) windows. */
export function freeIntervals(windows: readonly ProductWindow[], durationSec: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let cursor = 0;
  for (const w of windows) {
    if (w.start > cursor) out.push([cursor, w.start]);
    cursor = Math.max(cursor, w.end);
  }
  if (cursor < durationSec) out.push([cursor, durationSec]);
  return out;
}

/** Half-width of the box that smooths per-second rates when inferring who is being pitched. */
export const DOMINANCE_HALF_WIDTH_SEC = 30;

/**
 * Without pins, a product's window is where its smoothed click rate is the highest of all
 * products: the timeline is split between products, so no clip can mix two of them.
 * `rates` holds per-second weighted events for each candidate product over the recording.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: the selection's window search: one pass over the click timeline whose running sums every step reads
export function inferredWindows(
  rates: ReadonlyMap<number, Float64Array>,
  free: ReadonlyArray<[number, number]>,
  durationSec: number,
  minLenSec: number,
): ProductWindow[] {
  const seconds = Math.ceil(durationSec);
  const bestAt = new Int32Array(seconds).fill(-1);
  const bestRate = new Float64Array(seconds);
  const h = DOMINANCE_HALF_WIDTH_SEC;
  for (const [p, r] of rates) {
    // Box sum via a running window; comparing sums is the same as comparing averages.
    let sum = 0;
    for (let k = 0; k < Math.min(h, seconds); k++) sum += r[k]!;
    for (let k = 0; k < seconds; k++) {
      if (k + h < seconds) sum += r[k + h]!;
      if (k - h - 1 >= 0) sum -= r[k - h - 1]!;
      if (sum > bestRate[k]! + 1e-12 || (Math.abs(sum - bestRate[k]!) <= 1e-12 && sum > 0 && p < bestAt[k]!)) {
        bestRate[k] = sum;
        bestAt[k] = p;
      }
    }
  }
  const out: ProductWindow[] = [];
  for (const [fs, fe] of free) {
    const runs: Array<{ p: number; start: number; end: number }> = [];
    let k = Math.floor(fs);
    while (k < Math.ceil(fe)) {
      const p = bestAt[k]!;
      let j = k + 1;
      while (j < Math.ceil(fe) && bestAt[j] === p) j++;
      runs.push({ p, start: Math.max(fs, k), end: Math.min(fe, j) });
      k = j;
    }
    for (const r of absorbInterruptions(runs))
      if (r.p >= 0 && r.end - r.start >= minLenSec - 1e-9) out.push({ productIndex: r.p, start: r.start, end: r.end, source: 'inferred' });
  }
  return out;
}

/** An interruption shorter than this between two runs of one product is part of its pitch. */
export const INTERRUPTION_SEC = 60;

/**
 * A short run of another product (a giveaway shout-out, a question about an old product) or of
 * nobody, between two runs of the same product, joins them: the host did not change products.
 */
function absorbInterruptions<R extends { p: number; start: number; end: number }>(runs: R[]): R[] {
  const out: R[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    const before = out[out.length - 2];
    if (prev && prev.p === r.p) prev.end = r.end;
    else if (before && prev && before.p === r.p && r.p >= 0 && prev.end - prev.start < INTERRUPTION_SEC) {
      out.pop();
      before.end = r.end;
    } else out.push({ ...r });
  }
  return out;
}
