/** The chat/event-log signals inside a clip, in a seller's words. */
import type { ClickLogKind, SignalKind } from '../clicklog/model';

type Counts = Record<ClickLogKind, number> & Partial<Record<SignalKind, number>>;

const n = (x: number | undefined): number => Math.round(x ?? 0);
const count = (x: number, one: string, many: string): string => `${x.toLocaleString('en-US')} ${x === 1 ? one : many}`;
const times = (x: number): string => (x === 1 ? 'once' : x === 2 ? 'twice' : `${x.toLocaleString('en-US')} times`);

/** True when the clip holds clicks, add-to-carts or orders (a click log's or analytics' events). */
export const hasClicks = (c: Counts): boolean => c.click + c.add_to_cart + c.order > 0;

/**
 * "14 comments asked for the link or the price, 3 named the product and 20 more came in; likes
 * came 12 times, 2 gifts, viewers rose twice." — empty when the clip holds no such signal.
 */
export function signalsSentence(c: Counts): string {
  const ask = n(c.ask);
  const mention = n(c.mention);
  const comment = n(c.comment);
  const talk: string[] = [];
  if (ask > 0) talk.push(`${count(ask, 'comment', 'comments')} asked for the link or the price`);
  if (mention > 0) talk.push(`${count(mention, 'comment', 'comments')} named the product`);
  if (comment > 0)
    talk.push(talk.length > 0 ? `${count(comment, 'other comment', 'other comments')} came in` : `${count(comment, 'comment', 'comments')} came in`);
  const crowd: string[] = [];
  if (n(c.like) > 0) crowd.push(`likes came in ${times(n(c.like))}`);
  if (n(c.gift) > 0) crowd.push(count(n(c.gift), 'gift', 'gifts'));
  if (n(c.social) > 0) crowd.push(count(n(c.social), 'share or follow', 'shares and follows'));
  if (n(c.viewers) > 0) crowd.push(`viewers rose ${times(n(c.viewers))}`);
  if (talk.length === 0 && crowd.length === 0) return '';
  const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const parts = [list(talk), list(crowd)].filter((s) => s !== '');
  const text = parts.join('; ');
  return `During the clip ${text}.`;
}
