/**
 * A simulated livestream-shopping session with known answers (issue 8): the host pitches
 * products one after another (some again later), demonstrates each for 15–40 s inside its
 * pitch, and viewers react with a lag. Everything is drawn from one seed.
 *
 * What the log holds, per product:
 * - during its pitch, background clicks at a steady rate;
 * - a burst that follows the demonstration by 2–7 s, rising over a few seconds and decaying
 *   after the demonstration ends; clicks, some add-to-carts and a few orders;
 * - after its pitch, bag clicks for the rest of the stream (the shopping bag stays open);
 * - now and then a giveaway shout-out: a short spike for an old product during another pitch;
 * - pin/unpin events at the pitch edges, unless the stream has no pins at all.
 *
 * Two options make streams like the held-out ones of issue 19 (item 7), drawn from a second
 * generator so the stream is otherwise the same one, pitch for pitch, as without them:
 * - `lagged`: one click lag per stream, 2–15 s (the viewers' video delay), ±1 s per pitch. Every
 *   viewer event trails what the host does by it: the pitch's clicks start that long after the
 *   product is pinned (or introduced), its burst that long after the demonstration, bag clicks
 *   and giveaway spikes too. Pins are the host's own actions, at host time.
 * - `weakRepitch`: one showing of each product pitched more than once is weak, its peak 20–38 %
 *   of the others' (still a clear burst over its background); for about half of them it is the
 *   product's first showing.
 */
import { mulberry32 } from '../random';

export type SimKind = 'click' | 'add_to_cart' | 'order' | 'pin' | 'unpin';

export interface SimEvent {
  time: number;
  kind: SimKind;
  product: number;
}

export interface Moment {
  product: number;
  /** The demonstration, seconds from the recording start. */
  start: number;
  end: number;
}

export interface SimStream {
  seed: number;
  durationSec: number;
  products: Array<{ id: string; name: string; price: string }>;
  pins: boolean;
  /** What a perfect selector would find: one moment per pitch. */
  moments: Moment[];
  /** Each pitch, from the host introducing the product to moving on (the speech simulator's truth). */
  pitches: Moment[];
  /** Giveaway spikes: short, real clicks, but not a moment. */
  decoys: Moment[];
  events: SimEvent[];
  /** The stream's click lag, seconds, when `lagged` (the truth the app's estimate is scored on). */
  lagSec?: number;
}

export interface SimOptions {
  pins?: boolean;
  lagged?: boolean;
  weakRepitch?: boolean;
}

const NAMES = [
  'Silk Scarf',
  'Glow Serum',
  'Desk Lamp',
  'Wool Beanie',
  'Phone Grip',
  'Tea Set',
  'Yoga Mat',
  'Hair Clip',
  'Tote Bag',
  'Lip Tint',
  'Mini Fan',
  'Candle',
];

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Which showing of each re-pitched product is the weak one (index among its showings): the first for about half. */
function weakShowings(running: readonly number[], productCount: number, extra: () => number): Map<number, number> {
  const weak = new Map<number, number>();
  for (let p = 0; p < productCount; p++) {
    const showings = running.filter((q) => q === p).length;
    if (showings > 1) weak.set(p, extra() < 0.5 ? 0 : 1 + Math.floor(extra() * (showings - 1)));
  }
  return weak;
}

export function simulateStream(seed: number, opts: SimOptions = {}): SimStream {
  const rnd = mulberry32(seed * 7919 + 13);
  // The options draw from their own generator: the main one's sequence, and so the stream, stays.
  const extra = mulberry32(seed * 104729 + 71);
  const extraUniform = (a: number, b: number) => a + (b - a) * extra();
  const uniform = (a: number, b: number) => a + (b - a) * rnd();
  const int = (a: number, b: number) => Math.floor(uniform(a, b + 1));
  const poisson = (mean: number) => {
    // Knuth's method; means here stay small (events per second).
    const l = Math.exp(-mean);
    let k = 0;
    for (let p = rnd(); p > l; p *= rnd()) k++;
    return k;
  };

  const minutes = int(18, 120);
  const productCount = int(3, 12);
  const pins = opts.pins ?? rnd() >= 0.2;
  const audience = uniform(0.5, 3); // scales every rate: small and big streams
  const interest = Array.from({ length: productCount }, () => uniform(0.8, 1.25));
  const products = Array.from({ length: productCount }, (_, i) => ({ id: `SKU-${seed}-${i + 1}`, name: NAMES[i % NAMES.length]!, price: `${int(5, 80)}.99` }));

  // The running order: every product once, shuffled, then up to half of them again (at most 20
  // pitches, as TikTok makes at most 20 posts a LIVE); no product twice in a row.
  const order = shuffle(
    Array.from({ length: productCount }, (_, i) => i),
    rnd,
  );
  const running = [...order];
  for (const p of shuffle([...order], rnd).slice(0, int(0, Math.floor(productCount / 2)))) {
    const first = running.indexOf(p);
    const free = Array.from({ length: running.length + 1 }, (_, k) => k).filter((k) => k > first + 1 && running[k - 1] !== p && running[k] !== p);
    if (free.length > 0) running.splice(free[int(0, free.length - 1)]!, 0, p);
  }
  // Long enough for every pitch to take at least 100 s (a short stream has few re-pitches).
  const durationSec = Math.max(minutes * 60, 100 * running.length + 300);
  const streamLag = opts.lagged ? extraUniform(2, 15) : 0;
  const weakShowing = opts.weakRepitch ? weakShowings(running, productCount, extra) : new Map<number, number>();
  const shown = new Map<number, number>();
  const intro = uniform(30, 150);
  const share = running.map(() => uniform(0.6, 1.4));
  const perPitch = (durationSec - intro - 60) / share.reduce((a, b) => a + b, 0);
  const events: SimEvent[] = [];
  const moments: Moment[] = [];
  const pitches: Moment[] = [];
  const decoys: Moment[] = [];
  const rate = Array.from({ length: productCount }, () => new Float64Array(durationSec));
  const add = (p: number, from: number, to: number, f: (t: number) => number) => {
    for (let t = Math.max(0, Math.floor(from)); t < Math.min(durationSec, Math.ceil(to)); t++) rate[p]![t]! += f(t);
  };
  const pitched: number[] = [];
  let t = intro;
  running.forEach((p, i) => {
    // A slot is the pitch plus some chatter after it (no product on show).
    const slot = share[i]! * perPitch;
    const pitchLen = slot * uniform(0.7, 1);
    const demoLen = uniform(15, 40);
    const demoStart = t + uniform(5, pitchLen - demoLen - 10);
    const demoEnd = demoStart + demoLen;
    moments.push({ product: p, start: demoStart, end: demoEnd });
    pitches.push({ product: p, start: t, end: t + pitchLen });
    const background = audience * uniform(0.03, 0.1);
    const drawnLag = uniform(2, 7);
    const lag = opts.lagged ? Math.max(1, streamLag + extraUniform(-1, 1)) : drawnLag;
    const showing = shown.get(p) ?? 0;
    shown.set(p, showing + 1);
    // A hot moment is a clear one: its peak is 3–8× the pitch's background (re-pitches and less
    // popular products lower), and never under 3× it or under 30 events a minute.
    const usual = Math.max(0.5, 3 * background, background * uniform(3, 8) * interest[p]! * (pitched.includes(p) ? uniform(0.7, 1.1) : 1));
    const peak = weakShowing.get(p) === showing ? Math.max(0.25, 3 * background, usual * extraUniform(0.2, 0.38)) : usual;
    const rise = uniform(2, 5);
    const decay = uniform(2, 5);
    add(p, demoStart + lag, demoEnd + lag + 5 * decay, (s) => {
      const x = s + 0.5 - (demoStart + lag);
      const ramp = Math.min(1, x / rise);
      const fade = s + 0.5 > demoEnd + lag ? Math.exp(-(s + 0.5 - demoEnd - lag) / decay) : 1;
      return peak * ramp * fade * uniform(0.6, 1.4);
    });
    let introduced = t;
    if (pins) {
      const pinAt = Math.max(0, t + uniform(-5, 10));
      events.push({ time: pinAt, kind: 'pin', product: p });
      if (rnd() < 0.5) events.push({ time: t + pitchLen, kind: 'unpin', product: p });
      introduced = pinAt;
    }
    // Without a lag the pitch's clicks start with the pitch (the original simulator); with one,
    // when viewers see the product pinned (or introduced), the stream's lag later.
    if (opts.lagged) add(p, introduced + streamLag, t + pitchLen + streamLag, () => background);
    else add(p, t, t + pitchLen, () => background);
    // A giveaway shout-out for an old product: a short spike in the middle of this pitch.
    const old = pitched.filter((q) => q !== p);
    if (old.length > 0 && rnd() < 0.25) {
      const q = old[int(0, old.length - 1)]!;
      const at = t + uniform(0, pitchLen - 8);
      const len = uniform(3, 7);
      decoys.push({ product: q, start: at + streamLag, end: at + len + streamLag });
      add(q, at + streamLag, at + len + streamLag, () => audience * uniform(0.5, 1.5));
    }
    if (!pitched.includes(p)) pitched.push(p);
    // The bag keeps earning clicks for this product after its pitch.
    add(p, t + pitchLen + streamLag, durationSec, () => audience * interest[p]! * 0.01);
    t += slot;
  });

  for (let p = 0; p < productCount; p++) {
    const r = rate[p]!;
    for (let s = 0; s < durationSec; s++) {
      const n = poisson(r[s]!);
      for (let k = 0; k < n; k++) {
        const x = rnd();
        events.push({ time: s + rnd(), kind: x < 0.8 ? 'click' : x < 0.95 ? 'add_to_cart' : 'order', product: p });
      }
    }
  }
  events.sort((a, b) => a.time - b.time);
  return { seed, durationSec, products, pins, moments, pitches, decoys, events, ...(opts.lagged && { lagSec: streamLag }) };
}
