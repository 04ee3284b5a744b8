import type { Highlight } from './model';
import { formatClock } from '../format';
import { hasClicks, signalsSentence } from '../signals/explain';

export interface Explanation {
  /** When the product's clicks picked up and calmed down, against their usual level. */
  moment: string;
  /** Where the clip's edges sit relative to that. */
  clip: string;
  /** Where the product was on show: pinned, or inferred from its clicks; which showing, and which peak of it. */
  window: string;
  /** What the clip holds. */
  activity: string;
  /** Whether each edge is at a pause in the voice. */
  edges: string;
  /** The exact figures behind the plain words, for a "Details" view. */
  details: string;
  /** What a chat/event log says about the clip ("14 comments asked for the link or the price"), or ''. */
  signals: string;
  /** What the host said in the clip ("You named Glow Serum at 12:03 and said the price at 12:31."), or ''. */
  spoken: string;
}

/** When the host named the product, said a price and asked viewers to buy in the clip, in a sentence. */
export function spokenSentence(pick: Highlight): string {
  const said = pick.why.spoken;
  if (!said) return '';
  const parts = [
    said.named !== undefined && `named ${pick.productName ?? 'the product'} at ${clock(said.named)}`,
    said.price !== undefined && `said the price at ${clock(said.price)}`,
    said.cta !== undefined && `asked viewers to buy at ${clock(said.cta)}`,
    said.lively !== undefined && `spoke faster and louder than usual at ${clock(said.lively)}`,
  ].filter((x): x is string => typeof x === 'string');
  if (parts.length === 0) return '';
  return `You ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`}.`;
}

/** What the clip's moment rests on: viewers' clicks, their chat and reactions, or only what the host said. */
function basisOf(pick: Highlight): 'clicks' | 'signals' | 'speech' {
  if (hasClicks(pick.counts)) return 'clicks';
  if (signalsSentence(pick.counts) !== '') return 'signals';
  return pick.why.spoken ? 'speech' : 'clicks';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const seconds = (s: number) => `${Math.round(s)} s`;
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
const clock = (s: number) => formatClock(s, false);

/** How far the busy stretch stood above the usual level, in words a seller reads at a glance. */
function lift(perMin: number, backgroundPerMin: number): string {
  if (backgroundPerMin <= 0) return ', with hardly any the rest of the time';
  const times = perMin / backgroundPerMin;
  return times >= 1.95 ? `: about ${Math.round(times)} times the usual level` : ': above the usual level';
}

/** The selection rule's reasons for one clip, in a seller's words (docs/selection.md). */
export function explainPick(pick: Highlight, snapping: boolean): Explanation {
  const { why, counts } = pick;
  const says = basisOf(pick) === 'speech' ? 'where the talk says' : 'where the clicks say';
  const edge = (snapped: boolean) => (snapped ? 'at a pause in the voice' : snapping ? `${says} (no pause within 3 s)` : `${says} (pauses not measured yet)`);
  const start = edge(why.snapped.start);
  const end = edge(why.snapped.end);
  const where = `${clock(why.window.start)} to ${clock(why.window.end)}`;
  const shown = why.showings > 1 ? ` Shown ${plural(why.showings, 'time')}: this is the ${ordinal(why.showing)}.` : '';
  const times = why.peaks === 2 ? 'twice' : `${why.peaks} times`;
  const peak =
    why.peaks > 1 ? ` Its clicks peaked ${times} while it was on show: this clip is the ${ordinal(why.peak)} peak, at ${clock(why.burst.start)}.` : '';
  const { lag } = why;
  const reaction = lag.estimated
    ? `viewers of this stream click about ${seconds(lag.sec)} after the host shows a product, measured from ${plural(lag.pins, 'pin')}`
    : 'viewers click a few seconds after the host shows the product';
  const orders = [plural(counts.click, 'click'), plural(counts.add_to_cart, 'add-to-cart', 'add-to-carts'), plural(counts.order, 'order')].join(', ');
  const background = why.backgroundPerMin > 0 ? `, against ${Math.round(why.backgroundPerMin)} a minute the rest of the time it was on show` : '';
  const basis = basisOf(pick);
  const moment = {
    clicks: `Clicks picked up at ${clock(why.burst.start)} and calmed down at ${clock(why.burst.end)}${lift(why.burstPerMin, why.backgroundPerMin)}.`,
    signals: `Viewers' interest picked up at ${clock(why.burst.start)} and calmed down at ${clock(why.burst.end)}${lift(why.burstPerMin, why.backgroundPerMin)}.`,
    speech: `You pitched it hardest from ${clock(why.burst.start)} to ${clock(why.burst.end)}: naming it, its price and the call to buy.`,
  }[basis];
  const before = { clicks: reaction, signals: 'viewers react a few seconds after the host shows the product', speech: 'to catch you introducing it' }[basis];
  const windowText = {
    pin: `Pinned from ${where}.`,
    speech: `You talked about it from ${where} (found in the transcript: the log has no pins).`,
    inferred: `Not pinned in the log: its clicks led from ${where}.`,
  }[why.window.source];
  const activity = {
    clicks: `${orders} in the clip: `,
    signals: 'The clip holds ',
    speech: 'The clip holds ',
  }[basis];
  return {
    moment,
    clip: `The clip starts ${seconds(why.leadInSec)} before that (${before}) and ${Math.round(why.tailSec) > 0 ? `ends ${seconds(why.tailSec)} after` : 'ends with it'}.`,
    window: windowText + shown + peak,
    activity: `${activity}${Math.round(why.share * 100)}% of this product's ${basis === 'speech' ? 'pitch in the recording (what you said about it)' : 'activity in the recording'}.`,
    edges: start === end ? `Starts and ends ${start}.` : `Starts ${start}; ends ${end}.`,
    details: `Busy stretch ${clock(why.burst.start)}–${clock(why.burst.end)}: ${Math.round(why.burstPerMin)} points a minute${background}. Score ${pick.score} (points for ${basis === 'speech' ? 'naming the product, saying a price and calls to buy' : 'clicks, add-to-carts and orders'}, set under Advanced). Click lag ${seconds(lag.sec)}: ${lag.estimated ? `this stream's, from ${plural(lag.pins, 'pin')}` : `the usual one (${lag.pins > 0 ? `${plural(lag.pins, 'pin')} could not tell this stream's own` : "no pins to measure this stream's own from"})`}.`,
    signals: signalsSentence(counts),
    spoken: spokenSentence(pick),
  };
}
