import { CLICK_LOG_KINDS, EVENT_KINDS, kindCode, type EventKind, type Product } from '../clicklog/model';
import { MAX_CLIP_SEC, type ClickLag, type Highlight, type ProductWindow, type SelectionOptions } from './model';
import { countUnits } from './units';
import { snapToQuiet, type QuietRun } from '../recording/loudness';
import { burstRate, findBursts, MIN_BURST_SEC, planClip, SPOKEN_LEAD_SEC, SPOKEN_TAIL_SEC, type Burst, type ClipLimits } from './clip';
import { DEFAULT_LAG, estimateClickLag } from './lag';
import { freeIntervals, inferredWindows, INTERRUPTION_SEC, pinnedWindows, type PinMarker } from './windows';

/** A clip needs at least this much weighted activity (5 clicks, or 1 order) to be a real peak. */
export const MIN_PEAK_SCORE = 5;
/** At most this many unpinned products compete when windows are inferred (by scored events). */
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
  /** The clicks are per-minute analytics spread over their minute: they cannot say the second, what was said can. */
  coarseClicks?: boolean;
}

export interface Selection {
  picks: Highlight[];
  windows: ProductWindow[];
  /** Products with a highlight that the clip count leaves out. */
  hiddenProducts: number;
  /** The viewers' click lag the clips were placed with: this stream's own, or the default. */
  lag: ClickLag;
}

interface Candidate {
  window: ProductWindow;
  /** 1-based: the product's nth window in time (the clip's key; not every window is a showing). */
  pitch: number;
  burst: Burst;
  start: number;
  end: number;
  snapped: { start: boolean; end: boolean };
}

interface Scored {
  c: Candidate;
  score: number;
  counts: Float64Array;
  /** First time of each event kind in the clip (NaN: none). */
  first: Float64Array;
  /** Weighted events per second of clip: candidates of different lengths compare fairly. */
  density: number;
}

const PIN = kindCode('pin');
const UNPIN = kindCode('unpin');
const TOPIC = kindCode('topic');
const TOPIC_END = kindCode('topic_end');
/** Kinds whose first time in a clip its explanation tells ("you named it at 12:03"). */
const SPOKEN = (['named', 'price', 'cta', 'lively'] as const).map((k) => [k, kindCode(k)] as const);
const SPOKEN_CODES = new Set<number>(SPOKEN.map(([, code]) => code));
const CLICK_CODES = new Set<number>(CLICK_LOG_KINDS.map(kindCode));

/** What a window's counted events are: the host's words, viewers' clicks, other viewer signals. */
interface Heard {
  spoken: boolean;
  clicks: boolean;
  viewers: boolean;
}

/** Effective limits: max never over 60 s; min never over max, and relaxed only when the recording is shorter. */
export function clipLimits(o: SelectionOptions, durationSec: number, lagSec: number): ClipLimits {
  const maxSec = Math.min(Math.max(o.maxSec, 1), MAX_CLIP_SEC);
  const minSec = Math.min(Math.max(o.minSec, 1), maxSec, durationSec);
  return { minSec, maxSec, leadInSec: Math.max(0, o.leadInSec), lagSec };
}

/**
 * The selection rule (docs/selection.md): product windows from pins (or inferred from where a
 * product's clicks lead), the stream's click lag from its pins, the moments inside each window
 * where its clicks stand above their background, one clip per moment that holds it whole,
 * boundaries snapped to pauses; each product's best clip first, then its other showings, ranked
 * by score per second.
 */
export function selectHighlights(input: SelectionInput, options: SelectionOptions, quiet?: readonly QuietRun[]): Selection {
  return new Selector(input).select(options, quiet);
}

/**
 * `selectHighlights` for one input, run again as the settings change: windows and per-second
 * counts depend only on which kinds are scored, so a weight or length change pays for
 * bursts, scoring and ranking alone (the last layout is kept).
 */
export class Selector {
  #layout: { key: string; windows: ProductWindow[]; counts: Float64Array[]; heard: Heard[]; bursts: Array<Burst[] | undefined>; lag: ClickLag } | undefined;

  constructor(readonly input: SelectionInput) {}

  select(options: SelectionOptions, quiet?: readonly QuietRun[]): Selection {
    const { input } = this;
    const D = input.durationSec;
    if (!(D > 0)) return { picks: [], windows: [], hiddenProducts: 0, lag: DEFAULT_LAG };
    const { weightOf, unit: scored } = countUnits(options.weights);
    const key = scored.join();
    if (this.#layout?.key !== key) {
      const all = productWindows(input, scored);
      const lag = estimateClickLag(all, pinnedTimes(input, all, scored), D);
      this.#layout = { key, windows: all, ...windowCounts(input, all, scored), bursts: [], lag };
    }
    const layout = this.#layout;
    const { lag } = layout;
    const limits = clipLimits(options, D, lag.sec);
    // An inferred window shorter than the minimum is not where a product was shown.
    const kept = layout.windows.flatMap((w, i) => (w.source !== 'inferred' || w.end - w.start >= limits.minSec - 1e-9 ? [i] : []));
    const windows = kept.map((i) => layout.windows[i]!);

    const pitchOf = new Map<number, number>();
    const candidates: Candidate[] = [];
    kept.forEach((w) => {
      const window = layout.windows[w]!;
      const counts = layout.counts[w]!;
      // A moment found in what the host says alone starts a little before the first word of it
      // (in place of the viewers' lag), and without clicks to say when interest fell, the showing
      // goes on after the last word.
      const heard = layout.heard[w]!;
      const own = {
        ...limits,
        ...(heard.spoken && !heard.clicks && !heard.viewers && { lagSec: SPOKEN_LEAD_SEC }),
        ...(heard.spoken && !heard.clicks && { tailSec: SPOKEN_TAIL_SEC }),
      };
      const pitch = (pitchOf.get(window.productIndex) ?? 0) + 1;
      pitchOf.set(window.productIndex, pitch);
      const taken: Candidate[] = [];
      layout.bursts[w] ??= findBursts(counts, own.lagSec);
      for (const burst of layout.bursts[w]) {
        const plan = planClip(counts, burst, window.end - window.start, own);
        if (!plan) continue;
        const c: Candidate = {
          window,
          pitch,
          burst: plan.burst,
          start: window.start + plan.start,
          end: window.start + plan.end,
          snapped: { start: false, end: false },
        };
        // Bursts come strongest first; a weaker one whose clip would overlap a stronger one's is dropped.
        if (taken.every((t) => c.end <= t.start || c.start >= t.end)) taken.push(c);
      }
      candidates.push(...taken);
    });
    if (quiet?.length) for (const c of candidates) snap(c, quiet, limits);
    const { scored: clips, totals } = score(input, candidates, weightOf);
    return { ...choose(input, clips, totals, windows, options, limits.minSec, lag), windows, lag };
  }
}

/** A log's pins; without any, where the transcript says the host talked about each product. */
function pinnedOrSpoken(input: SelectionInput): ProductWindow[] {
  const { time, kind, product, durationSec } = input;
  const pins: PinMarker[] = [];
  const topics: PinMarker[] = [];
  for (let i = 0; i < time.length; i++) {
    const k = kind[i];
    const marker = { time: time[i]!, productIndex: product[i]! };
    if (k === PIN || k === UNPIN) pins.push({ ...marker, pin: k === PIN });
    else if (k === TOPIC || k === TOPIC_END) topics.push({ ...marker, pin: k === TOPIC });
  }
  return pins.length > 0 ? pinnedWindows(pins, durationSec) : pinnedWindows(topics, durationSec, 'speech');
}

function productWindows(input: SelectionInput, scored: readonly number[]): ProductWindow[] {
  const { time, kind, product, durationSec } = input;
  const pinned = pinnedOrSpoken(input);
  const pinnedProducts = new Set(pinned.map((w) => w.productIndex));
  const free = freeIntervals(pinned, durationSec);
  const freeStarts = Float64Array.from(free, (f) => f[0]);
  const inFree = (t: number) => {
    const f = free[lastAtOrBefore(freeStarts, t)];
    return f !== undefined && t < f[1];
  };

  // Unpinned products compete for the free time; only the busiest few hundred are binned.
  const totals = new Float64Array(input.products.length);
  for (let i = 0; i < time.length; i++) {
    const p = product[i]!;
    const t = time[i]!;
    if (scored[kind[i]!]! > 0 && t >= 0 && t < durationSec && !pinnedProducts.has(p) && inFree(t)) totals[p]! += scored[kind[i]!]!;
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
    if (r && scored[kind[i]!]! > 0 && t >= 0 && t < durationSec) r[Math.floor(t)]! += scored[kind[i]!]!;
  }
  const inferred = inferredWindows(rates, free, durationSec, 0);
  return [...pinned, ...inferred].sort((a, b) => a.start - b.start);
}

/** Per-second scored events of each window's own product, relative to the window start; and what kinds they are. */
function windowCounts(input: SelectionInput, windows: ProductWindow[], scored: readonly number[]): { counts: Float64Array[]; heard: Heard[] } {
  const bins = windows.map((w) => new Float64Array(Math.ceil(w.end - w.start)));
  const heard = windows.map(() => ({ spoken: false, clicks: false, viewers: false }));
  const starts = Float64Array.from(windows, (w) => w.start);
  const { time, kind, product } = input;
  /** The window event i counts in (its own product's, and scored), or -1. */
  const windowOf = (i: number): number => {
    if (!(scored[kind[i]!]! > 0)) return -1;
    const t = time[i]!;
    const w = lastAtOrBefore(starts, t);
    const win = windows[w];
    return win && t < win.end && win.productIndex === product[i] ? w : -1;
  };
  for (let i = 0; i < time.length; i++) {
    const w = windowOf(i);
    if (w < 0) continue;
    const k = kind[i]!;
    if (SPOKEN_CODES.has(k)) heard[w]!.spoken = true;
    else if (CLICK_CODES.has(k)) heard[w]!.clicks = true;
    else heard[w]!.viewers = true;
  }
  for (let i = 0; i < time.length; i++) {
    const w = windowOf(i);
    // Where clicks say to the second when interest rose and fell, they alone shape the moment: what was said only scores.
    if (w < 0 || (heard[w]!.clicks && !input.coarseClicks && SPOKEN_CODES.has(kind[i]!))) continue;
    bins[w]![Math.floor(time[i]! - windows[w]!.start)]! += scored[kind[i]!]!;
  }
  return { counts: bins, heard };
}

/**
 * Each pinned product's scored event times, sorted, inside the recording: what the click lag is
 * measured on. Only pinned products are gathered (none, for a log without pins), in one pass.
 */
function pinnedTimes(input: SelectionInput, windows: readonly ProductWindow[], scored: readonly number[]): (productIndex: number) => Float64Array | undefined {
  const { time, kind, product, durationSec } = input;
  const lists = new Map<number, number[]>();
  for (const w of windows) if (w.source === 'pin') lists.set(w.productIndex, []);
  if (lists.size > 0) {
    for (let i = 0; i < time.length; i++) {
      const t = time[i]!;
      if (scored[kind[i]!]! > 0 && t >= 0 && t < durationSec) lists.get(product[i]!)?.push(t);
    }
  }
  const sorted = new Map(Array.from(lists, ([p, list]) => [p, Float64Array.from(list).sort()]));
  return (p) => sorted.get(p);
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

/**
 * Moves each edge to the nearest quiet moment within ±3 s, keeping every limit: inside the
 * window, between min and max length, and the burst always inside the clip. The start only
 * moves earlier: later would cut into the lead-in that holds the start of the moment.
 */
function snap(c: Candidate, quiet: readonly QuietRun[], limits: ClipLimits): void {
  const { window: w } = c;
  const rise = w.start + c.burst.rise;
  const fall = Math.min(w.end, w.start + c.burst.fall);
  const s = snapToQuiet(c.start, quiet, SNAP_SEC, Math.max(w.start, c.end - limits.maxSec), Math.min(c.start, rise, c.end - limits.minSec));
  const e = snapToQuiet(c.end, quiet, SNAP_SEC, Math.max(s.t + limits.minSec, fall, w.start), Math.min(w.end, s.t + limits.maxSec));
  if (s.t + limits.minSec > e.t + 1e-9 || e.t - s.t > limits.maxSec + 1e-9 || s.t > rise + 1e-9 || e.t < fall - 1e-9) return;
  c.start = s.t;
  c.end = e.t;
  c.snapped = { start: s.snapped, end: e.snapped };
}

/** Exact counts per candidate in one pass over the log. */
function score(input: SelectionInput, candidates: Candidate[], weightOf: number[]): { scored: Scored[]; totals: Float64Array } {
  const { time, kind, product, durationSec, products } = input;
  const clipsOf: Array<number[] | undefined> = new Array(products.length);
  candidates.forEach((c, i) => {
    clipsOf[c.window.productIndex] ??= [];
    clipsOf[c.window.productIndex]!.push(i);
  });
  const counts = candidates.map(() => new Float64Array(EVENT_KINDS.length));
  const first = candidates.map(() => new Float64Array(EVENT_KINDS.length).fill(Number.NaN));
  const scores = new Float64Array(candidates.length);
  const totals = new Float64Array(products.length);
  for (let i = 0; i < time.length; i++) {
    const clips = clipsOf[product[i]!];
    const t = time[i]!;
    if (!clips || t < 0 || t >= durationSec) continue;
    const w = weightOf[kind[i]!]!;
    totals[product[i]!]! += w;
    for (const ci of clips) {
      const c = candidates[ci]!;
      if (t >= c.start && t < c.end) {
        counts[ci]![kind[i]!]!++;
        if (!(first[ci]![kind[i]!]! <= t)) first[ci]![kind[i]!] = t;
        scores[ci]! += w;
      }
    }
  }
  const scored = candidates.map((c, i) => ({ c, score: scores[i]!, counts: counts[i]!, first: first[i]!, density: scores[i]! / (c.end - c.start) }));
  return { scored, totals };
}

const lasting = (s: Scored) => s.c.burst.fall - s.c.burst.rise >= MIN_BURST_SEC;
/** A real peak: enough weighted activity. */
const real = (s: Scored) => s.score >= MIN_PEAK_SCORE;
/** A moment that says the product was shown there: a lasting burst that stands above the background. */
const moment = (s: Scored) => real(s) && lasting(s) && !s.c.burst.steady;

/**
 * Without a pin, a time the product was shown is known only from its clicks: a moment (above),
 * in a window at least as long as a pitch's interruption (a lull of bag clicks is shorter),
 * drawing at least this share of the clicks a minute of the product's best moment.
 */
export const INFERRED_SHOWING_SHARE = 0.2;
const clickShowing = (s: Scored, best: Scored) =>
  s === best ||
  (moment(s) && s.c.window.end - s.c.window.start >= INTERRUPTION_SEC && burstRate(s.c.burst) >= INFERRED_SHOWING_SHARE * burstRate(best.c.burst));

/** Where a clip sits among its product's showings and among the peaks of its showing. */
interface Place {
  showing: number;
  showings: number;
  peak: number;
  peaks: number;
}

/**
 * A product's showings, in time: its pinned windows (the host showed it, whether or not its
 * clicks rose) at least as long as the minimum clip, its inferred windows that hold a moment
 * (where its clicks merely led, bag clicks in a lull, is not a showing), and always the window
 * of its best clip. The real peaks of a showing are counted and numbered in time.
 */
function places(clips: readonly Scored[], windows: readonly ProductWindow[], best: ReadonlyMap<number, Scored>, minSec: number): Map<Scored, Place> {
  const inWindow = new Map<ProductWindow, Scored[]>();
  for (const s of clips) if (real(s)) inWindow.set(s.c.window, [...(inWindow.get(s.c.window) ?? []), s]);
  const showingsOf = new Map<number, ProductWindow[]>();
  for (const w of windows) {
    const held = inWindow.get(w) ?? [];
    const top = best.get(w.productIndex);
    const shown = w.source === 'inferred' ? top !== undefined && held.some((s) => clickShowing(s, top)) : w.end - w.start >= minSec - 1e-9 || held.length > 0;
    if (shown || (top !== undefined && held.includes(top))) showingsOf.set(w.productIndex, [...(showingsOf.get(w.productIndex) ?? []), w]);
  }
  const out = new Map<Scored, Place>();
  for (const list of showingsOf.values()) {
    list.forEach((w, k) => {
      const peaks = [...(inWindow.get(w) ?? [])].sort((a, b) => a.c.burst.rise - b.c.burst.rise);
      for (const [j, s] of peaks.entries()) out.set(s, { showing: k + 1, showings: list.length, peak: j + 1, peaks: peaks.length });
    });
  }
  return out;
}

/**
 * Each product's best clip (a lasting burst before a short spike, then the most clicks above
 * its window's background) is offered first, up to the clip count. With "a clip for every time
 * a product was shown", what is left goes to its other showings, each with its best clip however
 * weak (a weak re-pitch, or a weak first showing before a strong one, is still a time it was
 * shown), then to further peaks inside a showing (lasting bursts above the background). Shown
 * clips are ranked by score per second, so clips of different lengths compare fairly.
 */
function choose(
  input: SelectionInput,
  scored: Scored[],
  totals: Float64Array,
  windows: readonly ProductWindow[],
  options: SelectionOptions,
  minSec: number,
  lag: ClickLag,
): Omit<Selection, 'windows' | 'lag'> {
  const { products } = input;
  const byDensity = (a: Scored, b: Scored) =>
    b.density - a.density || a.c.start - b.c.start || compare(products[a.c.window.productIndex]!.id, products[b.c.window.productIndex]!.id);
  const strongest = (a: Scored, b: Scored) => Number(lasting(b)) - Number(lasting(a)) || b.c.burst.excess - a.c.burst.excess || byDensity(a, b);
  const byProduct = new Map<number, Scored[]>();
  for (const s of scored.filter(real)) byProduct.set(s.c.window.productIndex, [...(byProduct.get(s.c.window.productIndex) ?? []), s]);
  const best = new Map<number, Scored>();
  for (const [p, list] of byProduct) best.set(p, [...list].sort(strongest)[0]!);
  const place = places(scored, windows, best, minSec);
  const firsts = [...best.values()];
  const showings: Scored[] = [];
  const peaks: Scored[] = [];
  if (options.secondClip) {
    for (const [p, list] of byProduct) {
      const top = best.get(p)!;
      // Each other showing's strongest clip, whatever its strength; then lasting further peaks.
      const bestOf = new Map<ProductWindow, Scored>();
      for (const s of [...list].sort(strongest))
        if (s !== top && place.has(s) && s.c.window !== top.c.window && !bestOf.has(s.c.window)) bestOf.set(s.c.window, s);
      showings.push(...bestOf.values());
      peaks.push(...list.filter((s) => s !== top && place.has(s) && bestOf.get(s.c.window) !== s && moment(s)));
    }
  }
  firsts.sort(byDensity);
  showings.sort(byDensity);
  peaks.sort(byDensity);
  const shown = firsts.slice(0, options.topN);
  shown.push(...showings.slice(0, options.topN - shown.length));
  shown.push(...peaks.slice(0, options.topN - shown.length));
  shown.sort(byDensity);
  const picks = shown.map((s, r): Highlight => {
    const { c, score, counts, first } = s;
    const spoken = Object.fromEntries(SPOKEN.flatMap(([k, code]) => (Number.isNaN(first[code]!) ? [] : [[k, first[code]!]])));
    const p = products[c.window.productIndex]!;
    const rise = c.window.start + c.burst.rise;
    const fall = Math.min(c.window.end, c.window.start + c.burst.fall);
    const at = place.get(s) ?? { showing: 1, showings: 1, peak: 1, peaks: 1 };
    return {
      rank: r + 1,
      productIndex: c.window.productIndex,
      productId: p.id,
      ...(p.name !== undefined && { productName: p.name }),
      start: c.start,
      end: c.end,
      score: round1(score),
      counts: Object.fromEntries(EVENT_KINDS.map((name, j) => [name, counts[j]!])) as Record<EventKind, number>,
      why: {
        window: c.window,
        burst: { start: rise, end: fall },
        burstPerMin: round1((c.burst.events / Math.max(1, c.burst.fall - c.burst.rise)) * 60),
        backgroundPerMin: round1(c.burst.backgroundPerSec * 60),
        share: score / (totals[c.window.productIndex] || 1),
        leadInSec: Math.max(0, rise - c.start),
        tailSec: Math.max(0, c.end - fall),
        snapped: c.snapped,
        pitch: c.pitch,
        ...at,
        lag,
        ...(Object.keys(spoken).length > 0 && { spoken }),
      },
    };
  });
  return { picks, hiddenProducts: firsts.length - Math.min(firsts.length, options.topN) };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
