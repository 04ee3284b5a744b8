/** Events per bin over the whole recording, for the click timeline chart. */
export interface TimelineBins {
  binSec: number;
  /** Total events per bin (all products, scored kinds). */
  totals: Uint32Array;
  /** Product index with most events in each bin, or -1 when empty. */
  topProduct: Int32Array;
}

export function binEvents(
  time: Float64Array,
  product: Uint32Array,
  scored: (i: number) => boolean,
  durationSec: number,
  binSec = 10,
): TimelineBins {
  const bins = Math.max(1, Math.ceil(durationSec / binSec));
  const totals = new Uint32Array(bins);
  // Per-bin product counts kept sparse: logs can hold thousands of products.
  const perBin: Array<Map<number, number>> = Array.from({ length: bins }, () => new Map());
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!;
    if (!(t >= 0 && t < durationSec) || !scored(i)) continue;
    const b = Math.min(bins - 1, Math.floor(t / binSec));
    totals[b]!++;
    const m = perBin[b]!;
    const p = product[i]!;
    m.set(p, (m.get(p) ?? 0) + 1);
  }
  const topProduct = new Int32Array(bins).fill(-1);
  perBin.forEach((m, b) => {
    let best = 0;
    for (const [p, n] of m) {
      if (n > best || (n === best && p < topProduct[b]!)) {
        best = n;
        topProduct[b] = p;
      }
    }
  });
  return { binSec, totals, topProduct };
}
