/**
 * Scores clips against a simulated stream's known moments (issue 8's measures):
 * - recall: moments covered, i.e. a clip of the same product holds ≥ 80 % of the moment;
 * - product recall: products with a moment that get a clip holding ≥ half of one of them;
 * - precision: clips that hold ≥ half of a moment of their own product;
 * - purity: clips with at most 1 s of another product's moment inside;
 * - lead-in (moment start − clip start) and tail (clip end − moment end) of covered moments.
 */
import type { Moment, SimStream } from './simulate';

export interface Clip {
  product: number;
  start: number;
  end: number;
}

export interface Tally {
  moments: number;
  covered: number;
  products: number;
  productsHit: number;
  clips: number;
  precise: number;
  pure: number;
  leadIns: number[];
  tails: number[];
  clipLengths: number[];
}

export const emptyTally = (): Tally => ({
  moments: 0,
  covered: 0,
  products: 0,
  productsHit: 0,
  clips: 0,
  precise: 0,
  pure: 0,
  leadIns: [],
  tails: [],
  clipLengths: [],
});

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const held = (clip: Clip, m: Moment) => overlap(clip, m) / (m.end - m.start);

export function scoreStream(stream: SimStream, clips: Clip[], into: Tally = emptyTally()): Tally {
  const { moments } = stream;
  into.moments += moments.length;
  for (const m of moments) {
    const best = clips.filter((c) => c.product === m.product).sort((a, b) => held(b, m) - held(a, m))[0];
    if (best && held(best, m) >= 0.8) {
      into.covered++;
      into.leadIns.push(m.start - best.start);
      into.tails.push(best.end - m.end);
    }
  }
  const withMoment = new Set(moments.map((m) => m.product));
  into.products += withMoment.size;
  for (const p of withMoment) if (clips.some((c) => c.product === p && moments.some((m) => m.product === p && held(c, m) >= 0.5))) into.productsHit++;
  for (const c of clips) {
    into.clips++;
    into.clipLengths.push(c.end - c.start);
    if (moments.some((m) => m.product === c.product && held(c, m) >= 0.5)) into.precise++;
    if (moments.every((m) => m.product === c.product || overlap(c, m) <= 1)) into.pure++;
  }
  return into;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.floor(s.length / 2)]! * 10) / 10 : null;
};
const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

export function summary(t: Tally) {
  return {
    recall: ratio(t.covered, t.moments),
    productRecall: ratio(t.productsHit, t.products),
    precision: ratio(t.precise, t.clips),
    purity: ratio(t.pure, t.clips),
    leadInMedianSec: median(t.leadIns),
    tailMedianSec: median(t.tails),
    clipMedianSec: median(t.clipLengths),
    moments: t.moments,
    clips: t.clips,
  };
}

/** The naive baseline: each product's best 30-s stretch of weighted events, best first, capped. */
export function naiveClips(stream: SimStream, weights: Record<string, number>, cap: number): Clip[] {
  const seconds = stream.durationSec;
  const perProduct = stream.products.map(() => new Float64Array(seconds));
  for (const e of stream.events) perProduct[e.product]![Math.min(seconds - 1, Math.floor(e.time))]! += weights[e.kind] ?? 0;
  const best = perProduct.map((bins, product) => {
    let sum = 0;
    let top = { product, start: 0, end: 30, score: -1 };
    for (let k = 0; k < seconds; k++) {
      sum += bins[k]!;
      if (k >= 30) sum -= bins[k - 30]!;
      if (k >= 29 && sum > top.score) top = { product, start: k - 29, end: k + 1, score: sum };
    }
    return top;
  });
  return best
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, cap);
}
