/** What the selection is asked for (weights, lengths, how many clips) and what it proposes (highlights in product windows). */
import type { ClickLogKind, EventKind, SignalKind, SpokenKind } from '../clicklog/model';

/**
 * Weighted score per event kind (issue 2 defaults). pin/unpin mark segments, they score 0. The
 * chat/event-log kinds weigh well below a click, so clicks lead wherever both exist.
 */
export type Weights = Record<EventKind, number>;
export const DEFAULT_WEIGHTS: Weights = {
  click: 1,
  add_to_cart: 3,
  order: 5,
  pin: 0,
  unpin: 0,
  comment: 0.2,
  mention: 0.5,
  ask: 0.5,
  like: 0.05,
  gift: 0.3,
  social: 0.2,
  viewers: 0.2,
  // What the host says counts where no viewer signal does: a price with a call to buy, or a
  // product named twice with its price, is a moment (MIN_PEAK_SCORE); beside clicks it hardly counts.
  named: 2,
  price: 3,
  cta: 2,
  topic: 0,
  topic_end: 0,
  // Said faster and louder than usual: a hint inside a window, never a moment alone (MIN_PEAK_SCORE).
  lively: 1,
};

/** A kind's weight; settings stored before a kind existed lack it and get its default. */
export const weightOf = (weights: Partial<Weights>, kind: EventKind): number => {
  const w = weights[kind] ?? DEFAULT_WEIGHTS[kind];
  return Number.isFinite(w) ? Math.max(0, w) : 0;
};

export interface SelectionOptions {
  /** Shortest clip, seconds (a product explained for less time gets no clip). */
  minSec: number;
  /** Longest clip, seconds; never over MAX_CLIP_SEC. */
  maxSec: number;
  /** Seconds kept before the moment, on top of the viewers' click lag. */
  leadInSec: number;
  /** How many clips at most. */
  topN: number;
  /** A clip for every pitch of a product (its re-pitches), not only its best. */
  secondClip: boolean;
  weights: Weights;
}
export const MAX_CLIP_SEC = 60;
export const DEFAULT_SELECTION: SelectionOptions = {
  minSec: 15,
  maxSec: 60,
  leadInSec: 5,
  topN: 20,
  secondClip: true,
  weights: DEFAULT_WEIGHTS,
};

/** Where a product is explained: its pinned time, or inferred from where its clicks concentrate. */
export interface ProductWindow {
  productIndex: number;
  start: number;
  end: number;
  /** Pinned in a log; talked about in the transcript (no pins in the log); or where its clicks led. */
  source: 'pin' | 'speech' | 'inferred';
}

/** A highlight the selection proposes: one product's moment of most clicks, ranked (a clip before the user's trim or product change). */
export interface Highlight {
  rank: number;
  productIndex: number;
  productId: string;
  productName?: string;
  start: number;
  end: number;
  /** Weighted events of this product inside [start, end). */
  score: number;
  /** Events of each kind for this product inside [start, end) (the chat/event-log kinds only in picks made since they exist). */
  counts: Record<ClickLogKind, number> & Partial<Record<SignalKind | SpokenKind, number>>;
  /** Why this clip: the window it lies in, the moment's clicks, and how its edges were placed. */
  why: {
    window: ProductWindow;
    /** Where the product's clicks stood above their background: the clip always holds it. */
    burst: { start: number; end: number };
    /** Scored events per minute inside the burst, and in the window outside its busiest minute. */
    burstPerMin: number;
    backgroundPerMin: number;
    /** This clip's score over the product's score in the whole recording (0..1). */
    share: number;
    /** Seconds kept before the clicks rose (click lag + lead-in), and after they fell. */
    leadInSec: number;
    tailSec: number;
    snapped: { start: boolean; end: boolean };
    /** Which of the product's windows this is (1 = its first): with `peak`, the clip's key. */
    pitch: number;
    /**
     * Which time the product was shown this is (1 = the first), of how many: its pinned times,
     * and the times its clicks led and rose (docs/selection.md, step 5). The exports' pitch number.
     */
    showing: number;
    showings: number;
    /** Which peak of its showing's clicks this clip holds (1 = the earliest), of how many. */
    peak: number;
    peaks: number;
    /** The viewers' click lag the clip's start allows for. */
    lag: ClickLag;
    /** When the host first named the product, said a price, asked viewers to buy and spoke up inside the clip (from the transcript). */
    spoken?: Partial<Record<'named' | 'price' | 'cta' | 'lively', number>>;
  };
}

/** Seconds between the host showing a product and the viewers' clicks rising, and where that figure comes from. */
export interface ClickLag {
  sec: number;
  /** Measured from this stream's pins; false: the usual lag, the log could not tell its own. */
  estimated: boolean;
  /** Pins the measure rests on. */
  pins: number;
}
