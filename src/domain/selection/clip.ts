/** Share of the peak rate that still counts as the burst. */
export const BURST_THRESHOLD = 0.3;
/** Seconds kept after the burst falls, so the last reactions are not cut. */
export const TAIL_SEC = 2;
/** Half-width of the box that smooths the per-second rate when finding the peak. */
const PEAK_HALF_WIDTH = 2;

export interface ClipPlan {
  /** Clip offsets from the window start, seconds. */
  start: number;
  end: number;
  /** Score of the best-scoring stretch (the clip minus its lead-in), from the bins. */
  spanScore: number;
  leadInSec: number;
  burst: { start: number; end: number };
  peakPerMin: number;
}

export interface ClipLimits {
  minSec: number;
  maxSec: number;
  leadInSec: number;
}

/**
 * One clip inside a product's window, from per-second weighted event counts (`bins[k]` covers
 * [k, k+1) from the window start; `windowLen` may end inside the last bin).
 * Length: the burst (where the 5-s rate stays ≥ 30 % of its peak) plus a 2-s tail plus the
 * lead-in, clamped to [minSec, maxSec] and to the window. Position: the clip start c (on the
 * 1-s grid) whose stretch [c + lead-in, c + length) scores highest, earliest on ties; the
 * lead-in never exceeds the time between the window start and the burst's rise.
 * `blocked` bins (another clip of the same product) may not be inside the clip.
 */
export function planClip(bins: Float64Array, windowLen: number, limits: ClipLimits, blocked?: Uint8Array): ClipPlan | null {
  const n = bins.length;
  if (windowLen < limits.minSec - 1e-9 || n === 0) return null;
  const rate = smoothed(bins, blocked);
  let peak = 0;
  for (let k = 1; k < n; k++) if (rate[k]! > rate[peak]!) peak = k;
  if (!(rate[peak]! > 0)) return null;
  const floor = rate[peak]! * BURST_THRESHOLD;
  let rise = peak;
  while (rise > 0 && rate[rise - 1]! >= floor) rise--;
  let fall = peak;
  while (fall < n - 1 && rate[fall + 1]! >= floor) fall++;

  const length = Math.min(Math.max(fall + 1 - rise + TAIL_SEC + limits.leadInSec, limits.minSec), limits.maxSec, windowLen);
  // The lead-in cannot reach before the window: a burst right after the pin keeps what there is.
  const leadIn = Math.min(limits.leadInSec, Math.max(0, length - 1), rise);
  const prefix = prefixSums(bins);
  const blockedPrefix = blocked ? prefixSums(blocked) : null;
  const sum = (a: number, b: number, p: Float64Array) => p[Math.min(n, Math.ceil(b))]! - p[Math.max(0, Math.floor(a))]!;
  let best = -1;
  let bestScore = -1;
  for (let c = 0; c + length <= windowLen + 1e-9; c++) {
    if (blockedPrefix && sum(c, c + length, blockedPrefix) > 0) continue;
    const score = sum(c + leadIn, c + length, prefix);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  if (best < 0 || bestScore <= 0) return null;
  return {
    start: best,
    end: best + length,
    spanScore: bestScore,
    leadInSec: leadIn,
    burst: { start: rise, end: Math.min(windowLen, fall + 1) },
    peakPerMin: rate[peak]! * 60,
  };
}

/** Centred 5-s average (edges divide by 5 too, so a burst at the window edge is not inflated). */
function smoothed(bins: Float64Array, blocked?: Uint8Array): Float64Array {
  const n = bins.length;
  const out = new Float64Array(n);
  const w = 2 * PEAK_HALF_WIDTH + 1;
  for (let k = 0; k < n; k++) {
    if (blocked?.[k]) continue;
    let s = 0;
    for (let j = Math.max(0, k - PEAK_HALF_WIDTH); j <= Math.min(n - 1, k + PEAK_HALF_WIDTH); j++) s += blocked?.[j] ? 0 : bins[j]!;
    out[k] = s / w;
  }
  return out;
}

function prefixSums(values: ArrayLike<number>): Float64Array {
  const p = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) p[i + 1] = p[i]! + values[i]!;
  return p;
}
