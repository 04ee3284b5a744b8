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
  const edge = (snapped: boolean) =>
    snapped ? 'at a pause in the voice' : snapping ? 'where the clicks say (no pause within 3 s)' : 'where the clicks say (pauses not measured yet)';
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
  return {
    moment: `${hasClicks(counts) || signalsSentence(counts) === '' ? 'Clicks' : "Viewers' interest"} picked up at ${clock(why.burst.start)} and calmed down at ${clock(why.burst.end)}${lift(why.burstPerMin, why.backgroundPerMin)}.`,
    clip: `The clip starts ${seconds(why.leadInSec)} before that (${hasClicks(counts) || signalsSentence(counts) === '' ? reaction : 'viewers react a few seconds after the host shows the product'}) and ends ${seconds(why.tailSec)} after.`,
    window: (why.window.source === 'pin' ? `Pinned from ${where}.` : `Not pinned in the log: its clicks led from ${where}.`) + shown + peak,
    activity: `${hasClicks(counts) || signalsSentence(counts) === '' ? `${orders} in the clip: ` : 'The clip holds '}${Math.round(why.share * 100)}% of this product's activity in the recording.`,
    edges: start === end ? `Starts and ends ${start}.` : `Starts ${start}; ends ${end}.`,
    details: `Busy stretch ${clock(why.burst.start)}–${clock(why.burst.end)}: ${Math.round(why.burstPerMin)} points a minute${background}. Score ${pick.score} (points for clicks, add-to-carts and orders, set under Advanced). Click lag ${seconds(lag.sec)}: ${lag.estimated ? `this stream's, from ${plural(lag.pins, 'pin')}` : `the usual one (${lag.pins > 0 ? `${plural(lag.pins, 'pin')} could not tell this stream's own` : "no pins to measure this stream's own from"})`}.`,
    signals: signalsSentence(counts),
  };
}
