import type { Pick } from '../events';
import { formatClock } from '../format';

export interface Explanation {
  /** When the product's clicks rose and fell, against its background. */
  moment: string;
  /** Where the clip's edges sit relative to that. */
  clip: string;
  /** Where the product was on show: pinned, or inferred from its clicks; which pitch. */
  window: string;
  /** What the clip holds. */
  activity: string;
  /** Whether each edge moved to a pause in the voice. */
  edges: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const seconds = (s: number) => `${Math.round(s)} s`;
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** The selection rule's reasons for one clip, in a seller's words (docs/selection.md). */
export function explainPick(pick: Pick, snapping: boolean): Explanation {
  const { why, counts } = pick;
  const rate = `${Math.round(why.burstPerMin)} a minute`;
  const against = why.backgroundPerMin > 0 ? ` against about ${Math.round(why.backgroundPerMin)} a minute the rest of the time` : '';
  const edge = (snapped: boolean) => (snapped ? 'snapped to a pause in the voice' : snapping ? 'no pause within 3 s' : 'pauses not measured yet');
  const where = `${formatClock(why.window.start, false)} to ${formatClock(why.window.end, false)}`;
  const shown = why.pitches > 1 ? ` Shown ${plural(why.pitches, 'time')}: this is the ${ordinal(why.pitch)}.` : '';
  const orders = [plural(counts.click, 'click'), plural(counts.add_to_cart, 'add-to-cart', 'add-to-carts'), plural(counts.order, 'order')].join(', ');
  return {
    moment: `Clicks rose at ${formatClock(why.burst.start, false)} and fell at ${formatClock(why.burst.end, false)}: ${rate}${against}.`,
    clip: `The clip starts ${seconds(why.leadInSec)} before the rise (viewers click a few seconds after the host shows the product) and ends ${seconds(why.tailSec)} after the fall.`,
    window: (why.window.source === 'pin' ? `Pinned from ${where}.` : `No pin for it in the log: its clicks led from ${where}.`) + shown,
    activity: `${orders} in the clip: ${Math.round(why.share * 100)}% of this product's activity in the recording.`,
    edges: `Start ${edge(why.snapped.start)}; end ${edge(why.snapped.end)}.`,
  };
}
