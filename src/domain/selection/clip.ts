/**
 * Where a product's moment is inside one of its windows, and the clip that holds it.
 * Works on per-second *counts* of scored events (not weights), so a few heavy orders cannot
 * make a sharp peak that shrinks the moment; weights only rank and score clips.
 */

/**
 * Seconds viewers take to react when the stream cannot tell (no pins, or pins that say too
 * little): clicks rise this long after the host starts showing. A stream's own lag is
 * estimated from its pins (lag.ts).
 */
export const CLICK_LAG_SEC = 4;
/** Seconds kept after the clicks fall, so the last reactions are not cut. */
export const TAIL_SEC = 2;
/**
 * Seconds kept after the last thing said of a moment found in speech alone: the host goes on
 * showing the product after asking viewers to buy.
 */
export const SPOKEN_TAIL_SEC = 15;
/** Seconds before the first thing said of such a moment (beside the lead-in): the demonstration starts before the price is said. */
export const SPOKEN_LEAD_SEC = 5;
/** A burst shorter than this is a spike (a giveaway shout-out), not a product being shown. */
export const MIN_BURST_SEC = 8;
/** A burst stands above max(2 × the window's background, 30 % of its peak)… */
const BACKGROUND_FACTOR = 2;
const PEAK_SHARE = 0.3;
/** The rise and the fade are followed down to max(1.5 × background, 15 % of the peak)… */
const EDGE_FACTOR = 1.5;
const EDGE_SHARE = 0.15;
/** …at most this far from the burst. */
const EDGE_REACH_SEC = 20;
/** …and never below one event per 30 s, so sparse clicks far apart do not join into one. */
const MIN_LEVEL = 1 / 30;
/** The peak is the best 10-s average: robust to one busy second. */
const PEAK_BOX_SEC = 10;
/** Background: the window's rate outside its busiest minute, when that leaves at least 30 s. */
const BUSY_SEC = 60;
const QUIET_MIN_SEC = 30;
/** Another burst in the same window (a product shown twice in one long pin) must be nearly as strong. */
const NEXT_BURST_SHARE = 0.75;
/** Events above the background a burst needs at least. */
const MIN_EXCESS = 3;

export interface Burst {
  /** Window-relative seconds: first and last-plus-one second of raised clicks. */
  rise: number;
  fall: number;
  /** Scored events inside [rise, fall). */
  events: number;
  /** Events above the level that separates the burst from the background. */
  excess: number;
  backgroundPerSec: number;
  peakPerSec: number;
  /** Nothing stood above the background: the busiest stretch of steady interest stands in. */
  steady: boolean;
}

/** Events per second inside a burst. */
export const burstRate = (b: Burst) => b.events / Math.max(1, b.fall - b.rise);

export interface BurstLevels {
  backgroundPerSec: number;
  peakPerSec: number;
  /** Counts above this make a burst; its rise and fade are followed down to `edge`. */
  level: number;
  edge: number;
}

/** The window's background (unless told not to measure it), peak, and the two levels that separate a burst from them. */
export function burstLevels(counts: Float64Array, withBackground = true): BurstLevels {
  const n = counts.length;
  const prefix = prefixSums(counts);
  const total = prefix[n]!;
  const box = Math.min(PEAK_BOX_SEC, n);
  let peak = 0;
  for (let k = 0; k + box <= n; k++) peak = Math.max(peak, (prefix[k + box]! - prefix[k]!) / box);
  let background = 0;
  if (withBackground && n >= BUSY_SEC + QUIET_MIN_SEC) {
    let busiest = 0;
    for (let k = 0; k + BUSY_SEC <= n; k++) busiest = Math.max(busiest, prefix[k + BUSY_SEC]! - prefix[k]!);
    background = (total - busiest) / (n - BUSY_SEC);
  }
  return {
    backgroundPerSec: background,
    peakPerSec: peak,
    level: Math.max(BACKGROUND_FACTOR * background, PEAK_SHARE * peak, MIN_LEVEL),
    edge: Math.max(EDGE_FACTOR * background, EDGE_SHARE * peak, MIN_LEVEL),
  };
}

/**
 * The bursts of one window, strongest first: spans where the count stands above the level
 * (maximum-sum segment of count − level), then further ones in what is left that are at least
 * nearly as strong and lasting. `counts[k]` covers [k, k+1) from the window start.
 */
export function findBursts(counts: Float64Array, lagSec = CLICK_LAG_SEC, maxBursts = 3): Burst[] {
  const n = counts.length;
  const prefix = prefixSums(counts);
  if (n === 0 || prefix[n] === 0) return [];
  const levels = burstLevels(counts);
  const bursts = burstsAbove(counts, prefix, levels, maxBursts, lagSec);
  if (bursts.length > 0 || levels.backgroundPerSec === 0) return bursts;
  // Steady interest all window long: nothing stands above the background, so the busiest
  // stretch is the moment (ignoring the background, as in a window too short to measure it).
  return burstsAbove(counts, prefix, burstLevels(counts, false), 1, lagSec).map((b) => ({ ...b, steady: true }));
}

function burstsAbove(counts: Float64Array, prefix: Float64Array, levels: BurstLevels, maxBursts: number, lagSec: number): Burst[] {
  const n = counts.length;
  const { backgroundPerSec: background, peakPerSec: peak, level, edge: edgeLevel } = levels;

  const used = new Uint8Array(n);
  const out: Burst[] = [];
  while (out.length < maxBursts) {
    const seg = bestSegment(counts, level, used);
    if (!seg || seg.excess < MIN_EXCESS) break;
    const first = out[0];
    if (first && (seg.excess < NEXT_BURST_SHARE * first.excess || seg.end - seg.start < MIN_BURST_SEC)) break;
    // The clicks start rising, and fade, below the burst level: follow them down to the edge level.
    const rise = extend(counts, seg.start, -1, edgeLevel, used);
    const fall = extend(counts, seg.end - 1, 1, edgeLevel, used) + 1;
    out.push({
      rise,
      fall,
      events: prefix[fall]! - prefix[rise]!,
      excess: seg.excess,
      backgroundPerSec: background,
      peakPerSec: peak,
      steady: false,
    });
    // Keep the next burst clear of this one's clip (lag, lead-in and tail around it).
    used.fill(1, Math.max(0, rise - 2 * lagSec), Math.min(n, fall + 2 * lagSec));
  }
  return out;
}

/** Kadane's maximum-sum segment of counts − level over unused seconds; earliest on ties. */
function bestSegment(counts: Float64Array, level: number, used: Uint8Array) {
  let best: { start: number; end: number; excess: number } | null = null;
  let sum = 0;
  let from = 0;
  for (let k = 0; k < counts.length; k++) {
    if (used[k]) {
      sum = 0;
      from = k + 1;
      continue;
    }
    if (sum <= 0) {
      sum = 0;
      from = k;
    }
    sum += counts[k]! - level;
    if (sum > 1e-9 && (!best || sum > best.excess + 1e-9)) best = { start: from, end: k + 1, excess: sum };
  }
  return best;
}

/**
 * The farthest second from `from` (stepping by `dir`, within reach and unused) such that the
 * stretch up to `from` still holds more than `level` events per second: the burst's edge.
 */
function extend(counts: Float64Array, from: number, dir: 1 | -1, level: number, used: Uint8Array): number {
  let edge = from;
  let sum = 0;
  let best = 0;
  for (let k = from + dir, steps = 1; k >= 0 && k < counts.length && !used[k] && steps <= EDGE_REACH_SEC; k += dir, steps++) {
    sum += counts[k]! - level;
    if (sum > best + 1e-9) {
      best = sum;
      edge = k;
    }
  }
  return edge;
}

export interface ClipLimits {
  minSec: number;
  maxSec: number;
  leadInSec: number;
  /** The viewers' click lag: the clip starts this long (plus the lead-in) before the clicks rise. */
  lagSec: number;
  /** Kept after the fall (TAIL_SEC unless told). */
  tailSec?: number;
}

export interface ClipPlan {
  /** Window-relative clip edges, seconds. */
  start: number;
  end: number;
  /** The burst the clip holds (narrowed to its densest part when it alone exceeds the maximum). */
  burst: Burst;
}

/**
 * The clip for a burst: from (rise − the stream's click lag − lead-in) to (fall + tail), inside the window.
 * Too long: the tail goes first, then the lead-in, and only then the burst is narrowed to its
 * busiest stretch. Too short: it grows after the fall first (the host is still talking), then
 * before. Null when the window is shorter than the minimum.
 */
export function planClip(counts: Float64Array, burst: Burst, windowLen: number, limits: ClipLimits): ClipPlan | null {
  const { minSec, maxSec } = limits;
  if (windowLen < minSec - 1e-9) return null;
  let b = burst;
  if (b.fall - b.rise > maxSec) b = narrowed(counts, b, maxSec);
  let start = Math.max(0, b.rise - limits.lagSec - limits.leadInSec);
  let end = Math.min(windowLen, b.fall + (limits.tailSec ?? TAIL_SEC));
  let over = end - start - maxSec;
  if (over > 0) {
    const cut = Math.min(over, end - b.fall);
    end -= cut;
    over -= cut;
  }
  if (over > 0) start += Math.min(over, b.rise - start);
  const short = minSec - (end - start);
  if (short > 0) {
    end = Math.min(windowLen, end + short);
    start = Math.max(0, end - minSec);
  }
  return { start, end, burst: b };
}

/** The busiest `len`-second part of a burst longer than a clip may be. */
function narrowed(counts: Float64Array, b: Burst, len: number): Burst {
  let sum = 0;
  for (let k = b.rise; k < b.rise + len; k++) sum += counts[k]!;
  let best = { at: b.rise, sum };
  for (let k = b.rise + len; k < b.fall; k++) {
    sum += counts[k]! - counts[k - len]!;
    if (sum > best.sum) best = { at: k - len + 1, sum };
  }
  return { ...b, rise: best.at, fall: best.at + len, events: best.sum };
}

function prefixSums(values: Float64Array): Float64Array {
  const p = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) p[i + 1] = p[i]! + values[i]!;
  return p;
}
