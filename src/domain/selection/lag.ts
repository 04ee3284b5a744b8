/**
 * The viewers' click lag, estimated per stream from its pins (docs/selection.md, step 4).
 *
 * A pin is the host's own action, logged at the host's time; viewers see it, and everything the
 * host shows, a video delay later, and only then click. So the lag shows where a pinned
 * product's clicks step up from their rate before the pin (bag clicks) to their rate while it is
 * on show. One step time, shared by every pin of the stream, is fitted by maximum likelihood
 * (Poisson counts, a rate before the step and one after, each pin its own two rates), which
 * weighs each pin by how much it says and lets a demonstration's burst soon after a pin count
 * as "after". The estimate is used only when the data can tell: at least two pins that raise
 * their product's clicks, and a fit clearly better than the default lag's. Otherwise the
 * default stands. Logs without pins have nothing at the host's time to measure against.
 */
import type { ClickLag, ProductWindow } from './model';
import { CLICK_LAG_SEC } from './clip';

/**
 * An estimate is clamped to this range. It never shortens the usual lag: a start a few seconds
 * early costs little, a late one cuts the moment, and a host who pins a product after starting
 * to show it makes the clicks look quicker than they are. Longer than the maximum is not a video delay.
 */
export const MIN_LAG_SEC = CLICK_LAG_SEC;
export const MAX_LAG_SEC = 20;
/** Bag clicks before a pin are measured over at most this long. */
const BEFORE_SEC = 60;
/** A pin whose product was pinned this recently is a continuation, not a new showing to the viewers. */
const REPIN_SEC = 60;
/** The rate a pin steps up to is measured after the longest lag, over at least this long. */
const AFTER_MIN_SEC = 30;
/** Its busiest minute is left out when the rest is at least this long (a burst is not the step). */
const BUSY_SEC = 60;
/** The pinned rate must be at least this many times the rate before for the pin to tell anything. */
const MIN_STEP = 1.5;
/** A pin's edge tells only when its product's pinned rate would bring this many clicks within the longest lag: fewer, and the first click's wait is chance. */
const MIN_EXPECTED = 1;
/** Pins that must tell. */
const MIN_PINS = 2;
/** Log-likelihood the estimate must gain over the default lag (about a 95 % likelihood-ratio test). */
const MIN_GAIN = 2;
/** The lag grid, seconds. */
const STEP_SEC = 0.25;

export const DEFAULT_LAG: ClickLag = { sec: CLICK_LAG_SEC, estimated: false, pins: 0 };

/**
 * A step at a host action that tells: the product's clicks at `offsets` within [0, MAX_LAG_SEC)
 * after it, their rate before the viewers saw the change and after.
 */
interface Step {
  offsets: number[];
  before: number;
  after: number;
}

/**
 * The stream's click lag from its windows (sorted by start, as selection makes them; only pinned
 * ones are used), each product's scored event times (sorted), and the recording's length.
 * Both edges of a pin tell: its product's clicks step up after the pin and down after the pin
 * ends (its unpin, or the next product's pin), each a lag later.
 */
export function estimateClickLag(
  windows: readonly ProductWindow[],
  timesOf: (productIndex: number) => Float64Array | undefined,
  durationSec: number,
): ClickLag {
  const pinned = windows.filter((w) => w.source === 'pin');
  const steps: Step[] = [];
  let pins = 0;
  pinned.forEach((w, i) => {
    const times = timesOf(w.productIndex);
    if (!times) return;
    const previous = pinned.slice(0, i).findLast((v) => v.productIndex === w.productIndex);
    const next = pinned.slice(i + 1).find((v) => v.productIndex === w.productIndex);
    // The rate while pinned: after the longest lag, outside its busiest minute (a burst is not the step).
    const onFrom = w.start + MAX_LAG_SEC;
    if (w.end - onFrom < AFTER_MIN_SEC) return;
    const on = rate(times, onFrom, w.end);
    let told = false;
    // Pinned after the recording began (not clamped to 0), and not a re-pin soon after its last pin.
    if (w.start >= 1 && !(previous && w.start - previous.end < REPIN_SEC)) {
      const from = Math.max(0, w.start - BEFORE_SEC);
      if (w.start - from >= 1) told = addStep(steps, times, w.start, (countIn(times, from, w.start) + 0.5) / (w.start - from), on) || told;
    }
    // Its clicks after the pin ends, until the product is pinned again or the recording ends.
    const offFrom = w.end + MAX_LAG_SEC;
    const offTo = Math.min(durationSec, offFrom + BEFORE_SEC, next ? next.start : Infinity);
    if (offTo - offFrom >= AFTER_MIN_SEC) told = addStep(steps, times, w.end, on, (countIn(times, offFrom, offTo) + 0.5) / (offTo - offFrom)) || told;
    if (told) pins++;
  });
  if (pins < MIN_PINS) return { ...DEFAULT_LAG, pins };
  const likelihood = (lag: number) => steps.reduce((sum, e) => sum + logLikelihood(e, lag), 0);
  const atDefault = likelihood(CLICK_LAG_SEC);
  let best = { lag: CLICK_LAG_SEC, ll: atDefault };
  for (let lag = 0; lag <= MAX_LAG_SEC + 1e-9; lag += STEP_SEC) {
    const ll = likelihood(lag);
    if (ll > best.ll + 1e-9) best = { lag, ll };
  }
  if (best.ll - atDefault < MIN_GAIN) return { ...DEFAULT_LAG, pins };
  const sec = Math.min(MAX_LAG_SEC, Math.max(MIN_LAG_SEC, Math.round(best.lag * 2) / 2));
  return { sec, estimated: true, pins };
}

/** Adds the step at `at` when its two rates differ enough and enough clicks are expected to place it. */
function addStep(steps: Step[], times: Float64Array, at: number, before: number, after: number): boolean {
  const [low, high] = before < after ? [before, after] : [after, before];
  if (!(high >= MIN_STEP * low) || high * MAX_LAG_SEC < MIN_EXPECTED) return false;
  const offsets: number[] = [];
  for (let i = firstAtOrAfter(times, at); i < times.length && times[i]! < at + MAX_LAG_SEC; i++) offsets.push(times[i]! - at);
  steps.push({ offsets, before, after });
  return true;
}

/** Up to a constant: clicks at `offsets` over [0, MAX_LAG_SEC), the rate `before` until `lag`, `after` from then on. */
function logLikelihood(e: Step, lag: number): number {
  let early = 0;
  for (const x of e.offsets) if (x < lag) early++;
  const late = e.offsets.length - early;
  return early * Math.log(e.before) + late * Math.log(e.after) - e.before * lag - e.after * (MAX_LAG_SEC - lag);
}

/** Events a second in [from, to), outside its busiest minute when the rest is long enough. */
function rate(times: Float64Array, from: number, to: number): number {
  return to - from >= BUSY_SEC + AFTER_MIN_SEC ? quietRate(times, from, to) : countIn(times, from, to) / (to - from);
}

/** Events a second in [from, to) outside its busiest minute. */
function quietRate(times: Float64Array, from: number, to: number): number {
  const i0 = firstAtOrAfter(times, from);
  const i1 = firstAtOrAfter(times, to);
  let busiest = 0;
  for (let i = i0, j = i0; i < i1; i++) {
    while (times[j]! < times[i]! - BUSY_SEC) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  return (i1 - i0 - busiest) / (to - from - BUSY_SEC);
}

function countIn(times: Float64Array, from: number, to: number): number {
  return firstAtOrAfter(times, to) - firstAtOrAfter(times, from);
}

function firstAtOrAfter(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
