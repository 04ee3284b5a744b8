/** Events per bin over the whole recording, for the click timeline chart. */
export interface TimelineBins {
  binSec: number;
  /** Total events per bin (all products, scored kinds). */
  totals: Uint32Array;
  /** Product index with most events in each bin, or -1 when empty. */
  topProduct: Int32Array;
}

export function binEvents(time: Float64Array, product: Uint32Array, scored: (i: number) => boolean, durationSec: number, binSec = 10): TimelineBins {
  const bins = Math.max(1, Math.ceil(durationSec / binSec));
  const products = product.reduce((m, p) => Math.max(m, p + 1), 0);
  const totals = new Uint32Array(bins);
  // Dense per-bin, per-product counts while small (the usual case); sparse maps beyond.
  const dense = products * bins <= 4_000_000 ? new Uint32Array(products * bins) : null;
  const sparse: Array<Map<number, number>> | null = dense ? null : Array.from({ length: bins }, () => new Map());
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!;
    if (!(t >= 0 && t < durationSec) || !scored(i)) continue;
    const b = Math.min(bins - 1, Math.floor(t / binSec));
    const p = product[i]!;
    totals[b]!++;
    if (dense) dense[b * products + p]!++;
    else sparse![b]!.set(p, (sparse![b]!.get(p) ?? 0) + 1);
  }
  const topProduct = new Int32Array(bins).fill(-1);
  for (let b = 0; b < bins; b++) {
    let best = 0;
    const consider = (p: number, n: number) => {
      if (n > best) {
        best = n;
        topProduct[b] = p;
      }
    };
    if (dense) for (let p = 0; p < products; p++) consider(p, dense[b * products + p]!);
    else for (const [p, n] of [...sparse![b]!].sort((x, y) => x[0] - y[0])) consider(p, n);
  }
  return { binSec, totals, topProduct };
}
